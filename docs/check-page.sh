#!/usr/bin/env bash
# The browser check of `charrnn serve`'s page: starts serve, and in headless Chromium types a prime, sets length,
# texts and seed, clicks Generate, and checks that the model's texts for that seed appear in the page
# (PageInBrowserTest). Saves a screenshot as charrnn-cli/target/serve-page.png.
#
#   docs/check-page.sh                 # on a tiny model trained on the spot (a minute, most of it Maven)
#   docs/check-page.sh anna.zip "Anna" # on a model of yours, with a prime it knows the characters of
#
# Needs Chromium: apt-get install -y chromium (or CHROMIUM=/path/to/chromium-or-headless-shell).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=(-B -q -pl charrnn-cli -am test -Dtest=PageInBrowserTest -Dsurefire.failIfNoSpecifiedTests=false)
if [ $# -ge 1 ]; then
  [ -f "$1" ] || { echo "check-page: there is no model file $1." >&2; exit 1; }
  args+=("-Dcharrnn.page.model=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")")
fi
if [ $# -ge 2 ]; then
  args+=("-Dcharrnn.page.prime=$2")
fi
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null && ! command -v chromium-headless-shell >/dev/null; then
  echo "check-page: no Chromium here; install it (apt-get install -y chromium) or set CHROMIUM=/path/to/it." >&2
  exit 1
fi
report="$root/charrnn-cli/target/surefire-reports/io.github.charrnn.cli.PageInBrowserTest.txt"
rm -f "$report"
(cd "$root" && mvn "${args[@]}")
if grep -q "Skipped: 1" "$report"; then
  echo "check-page: the check was skipped (see $report)." >&2
  exit 1
fi
echo "check-page: passed: the page showed the model's texts after typing a prime and clicking Generate."
echo "check-page: screenshot: charrnn-cli/target/serve-page.png"

#!/usr/bin/env bash
# Side-by-side speed of charrnn and PyTorch 2.x on this machine, as a markdown table.
# Installs PyTorch's CPU wheel into a venv on first use; runs `./charrnn bench` and bench/charrnn_torch.py
# (the articles' network in PyTorch) one after the other, several times, and prints medians.
# Run with --help for the options; docs/performance.md says more.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

usage() {
  cat <<'EOF'
Usage: bench/compare-pytorch.sh [--runs N] [--quick] [--only A|B|run] [--text FILE] [--unset-openblas]

Measures charrnn and PyTorch 2.x (CPU) on this machine, one program after the other, and prints a
markdown table of medians (min-max) and ratios:
  A    the articles' configuration: 2 x 512 LSTM, batch 128, seq 100: training, evaluation,
       one-stream and 64-stream generation chars/s (20 timed training steps after 2 warm-up steps)
  B    a small network: 2 x 128, batch 32, seq 50: training chars/s (200 steps after 20 warm-up)
  run  a whole training run (2 x 128, batch 32, seq 50, 300 steps, validation every 100 steps):
       wall time from start to exit and peak resident memory of each program

Options:
  --runs N          runs of each program per configuration, alternating (default 3)
  --quick           a smoke test: 1 run (unless --runs is given) and far fewer steps
  --only A|B|run    only that configuration
  --text FILE       UTF-8 text to train on (default: the bundled fortunes-en.txt)
  --unset-openblas  run both programs without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE in their
                    environment (otherwise the environment is left as it is)
  -h, --help        this help

PyTorch is installed (CPU-only wheel: about 200 MB to download, 1 GB on disk; numpy too) into the venv
${CHARRNN_TORCH_VENV:-$HOME/.cache/charrnn/torch-venv}, reused while it imports torch >= 2.
The raw JSON results go to a file under ${TMPDIR:-/tmp}; the script prints its name.
EOF
}

die() { echo "compare-pytorch.sh: $*" >&2; exit 1; }

runs="" quick=false only=all text="" unset_openblas=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="$2"; shift ;;
    --runs=*) runs="${1#--runs=}" ;;
    --quick) quick=true ;;
    --only) [ $# -ge 2 ] || die "--only needs A, B or run"; only="$2"; shift ;;
    --only=*) only="${1#--only=}" ;;
    --text) [ $# -ge 2 ] || die "--text needs a file"; text="$2"; shift ;;
    --text=*) text="${1#--text=}" ;;
    --unset-openblas) unset_openblas=true ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done
case "$only" in all|A|B|run) ;; *) die "--only takes A, B or run, not '$only'" ;; esac
if [ -z "$runs" ]; then if $quick; then runs=1; else runs=3; fi; fi
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a positive number, not '$runs'"
text="${text:-charrnn-texts/src/main/resources/io/github/charrnn/texts/fortunes-en.txt}"
[ -f "$text" ] && [ -r "$text" ] || die "no readable text file: $text"
text="$(cd "$(dirname "$text")" && pwd)/$(basename "$text")"
command -v python3 >/dev/null || die "python3 is needed (for PyTorch's venv and the table)"

# Steps per configuration: A as `./charrnn bench` runs by default, B on a small network, a 300-step whole run.
if $quick; then
  a_args=(--steps 2 --warmup 1); a_gen=(--streams 64 --stream-length 20); a_sample=200; a_eval=(--eval-chars 51200)
  b_args=(--steps 20 --warmup 2); run_steps=30
else
  a_args=(--steps 20 --warmup 2); a_gen=(--streams 64 --stream-length 200); a_sample=2000; a_eval=()
  b_args=(--steps 200 --warmup 20); run_steps=300
fi
b_net=(--hidden 128 --layers 2 --batch 32 --seq 50)

if $unset_openblas; then runenv=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE); else runenv=(env); fi
results="$(mktemp "${TMPDIR:-/tmp}/charrnn-vs-pytorch-$(date +%Y%m%d-%H%M%S)-XXXX.jsonl")"
work="${results%.jsonl}.out"       # each program's output, kept beside the results
models="$(mktemp -d "${TMPDIR:-/tmp}/charrnn-vs-pytorch-models.XXXXXX")"   # the whole runs' models, removed
mkdir -p "$work"
trap 'rm -rf "$models"' EXIT

# ---- the machine ----
echo "## charrnn vs PyTorch 2.x on this machine"
echo
cpu="$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
flags=""
for f in avx512f avx2; do
  if grep -qw "$f" /proc/cpuinfo 2>/dev/null; then flags+="$f: yes, "; else flags+="$f: no, "; fi
done
echo "- CPU: ${cpu:-unknown}, $(nproc) cores (${flags%, }); load average now: $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
echo "  (other busy programs lower both columns, PyTorch's threads more: run it on an otherwise idle machine)"
blas="$(env | grep '^OPENBLAS_' | sort | paste -sd ' ' - || true)"
echo "- environment: ${blas:-no OPENBLAS_* variables}${OMP_NUM_THREADS:+ OMP_NUM_THREADS=$OMP_NUM_THREADS}"
if $unset_openblas; then echo "- both programs run without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (--unset-openblas)"; fi
echo "- Java: $(java -version 2>&1 | head -n 1 || echo 'not found')"
if $quick; then echo "- text: $text; runs: $runs (--quick: far fewer steps)"; else echo "- text: $text; runs: $runs"; fi

# ---- PyTorch in a venv ----
venv="${CHARRNN_TORCH_VENV:-$HOME/.cache/charrnn/torch-venv}"
py="$venv/bin/python"
torch_ok() { [ -x "$py" ] && "$py" -c 'import sys, numpy, torch; sys.exit(int(torch.__version__.split(".")[0]) < 2)' >/dev/null 2>&1; }
pip_has_index() {  # an index or find-links of the user's own: install from there, as configured
  [ -n "${PIP_INDEX_URL:-}" ] || [ -n "${PIP_FIND_LINKS:-}" ] ||
    "$venv/bin/pip" config list 2>/dev/null | grep -Eq '(^|\.)(index-url|find-links)='
}
install_torch() {
  local log="$1" index=()
  [ -x "$py" ] || python3 -m venv "$venv" >>"$log" 2>&1 || return 1
  if pip_has_index; then
    echo "- installing PyTorch into $venv from pip's configured index..."
  else  # plain `pip install torch` on Linux fetches the multi-GB CUDA build
    echo "- installing PyTorch (CPU-only wheel) into $venv..."
    index=(--index-url https://download.pytorch.org/whl/cpu --extra-index-url https://pypi.org/simple)
  fi
  "$venv/bin/pip" install --retries 0 ${index[@]+"${index[@]}"} 'torch>=2' numpy >>"$log" 2>&1 || return 1
  torch_ok
}
have_torch=true
if ! torch_ok; then
  log="$(mktemp "${TMPDIR:-/tmp}/charrnn-torch-install-XXXX.log")"
  if install_torch "$log"; then rm -f "$log"; else
    echo "- PyTorch: could not install torch >= 2 into $venv (pip's output: $log); only charrnn's figures follow"
    have_torch=false
  fi
fi
if $have_torch; then
  echo "- PyTorch: $("$py" -c 'import torch; print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")') ($venv)"
fi
echo "- results (JSON lines): $results; the programs' output: $work/"
echo

# ---- running and recording ----
ensure_built() {  # ./charrnn builds the project when sources changed: do it outside every timing
  ./charrnn bench --version >/dev/null || die "could not build charrnn"
}

# add_result CONFIG IMPL RUN OUTPUT_FILE [EXTRA_JSON]: the output's last line (a JSON object), plus
# EXTRA_JSON's fields, appended to the results file; prints a one-line summary.
add_result() {
  python3 - "$results" "$@" <<'EOF'
import json, sys
results, config, impl, run, output = sys.argv[1:6]
extra = json.loads(sys.argv[6]) if len(sys.argv) > 6 else {}
lines = [line for line in open(output, encoding="utf-8", errors="replace").read().splitlines() if line.strip()]
try:
    result = json.loads(lines[-1])
    assert isinstance(result, dict)
except (IndexError, ValueError, AssertionError):
    result = {}
result.update(extra)
with open(results, "a") as f:
    f.write(json.dumps({"config": config, "impl": impl, "run": int(run), "result": result}) + "\n")
keys = ["train_chars_per_s", "eval_chars_per_s", "sample_chars_per_s", "batched_sample_chars_per_s",
        "wall_s", "peak_rss_mb"]
shown = ", ".join(f"{k} {result[k]:,.0f}" for k in keys if isinstance(result.get(k), (int, float)))
print(f"  {'whole run' if config == 'run' else config} {run} {impl}: {shown or 'no figures (its output: ' + output + ')'}")
EOF
}

charrnn_bench() {  # CONFIG RUN ARGS...
  local config="$1" run="$2" out="$work/charrnn-$1-$2.out"; shift 2
  ensure_built
  "${runenv[@]}" ./charrnn bench --json --text "$text" "$@" >"$out" 2>"$out.err" ||
    { echo "  charrnn bench failed:"; tail -n 5 "$out.err" | sed 's/^/    /'; }
  add_result "$config" charrnn "$run" "$out"
}

torch_bench() {  # CONFIG RUN ARGS...
  $have_torch || return 0
  local config="$1" run="$2" out="$work/torch-$1-$2.out"; shift 2
  "${runenv[@]}" "$py" bench/charrnn_torch.py --text "$text" "$@" >"$out" 2>"$out.err" ||
    { echo "  charrnn_torch.py failed:"; tail -n 5 "$out.err" | sed 's/^/    /'; }
  add_result "$config" pytorch "$run" "$out"
}

# timed IMPL RUN COMMAND...: wall seconds and peak resident memory of the whole process.
gnu_time=false
if [ -x /usr/bin/time ] && /usr/bin/time --version 2>&1 | grep -q GNU; then gnu_time=true; fi
timed() {
  local impl="$1" run="$2" out="$work/run-$1-$2.out" wall kb; shift 2
  if $gnu_time; then
    "${runenv[@]}" /usr/bin/time -f '%e %M' -o "$out.time" "$@" >"$out" 2>"$out.err" ||
      { echo "  $impl failed:"; tail -n 5 "$out.err" | sed 's/^/    /'; }
    read -r wall kb < <(tail -n 1 "$out.time" 2>/dev/null) || true
  else  # the same figures from the kernel's accounting of the child (wait4)
    read -r wall kb < <("${runenv[@]}" python3 -c '
import os, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[1], "w") as out, open(sys.argv[1] + ".err", "w") as err:
    child = subprocess.Popen(sys.argv[2:], stdout=out, stderr=err)
    _, status, usage = os.wait4(child.pid, 0)
if status:
    print(f"  {sys.argv[2]} ... failed (wait status {status}); its output: {sys.argv[1]}.err", file=sys.stderr)
print(f"{time.perf_counter() - start:.2f} {usage.ru_maxrss}")' "$out" "$@") || true
  fi
  if [[ "${wall:-}" =~ ^[0-9.]+$ && "${kb:-}" =~ ^[0-9]+$ ]]; then
    add_result run "$impl" "$run" "$out" "{\"wall_s\": $wall, \"peak_rss_mb\": $(( kb / 1024 ))}"
  else
    add_result run "$impl" "$run" "$out"
  fi
}

echo "Building charrnn if needed..."
ensure_built
$gnu_time || echo "(GNU time not found, e.g. apt-get install time; measuring through python3's os.wait4 instead)"

if [ "$only" = all ] || [ "$only" = A ]; then
  echo "Configuration A: 2 x 512, batch 128, seq 100"
  for ((i = 1; i <= runs; i++)); do
    charrnn_bench A "$i" "${a_args[@]}" --sample-length "$a_sample" "${a_gen[@]}"
    torch_bench A "$i" --hidden 512 --layers 2 --batch 128 --seq 100 "${a_args[@]}" --sample "$a_sample" \
      "${a_gen[@]}" ${a_eval[@]+"${a_eval[@]}"}
  done
fi
if [ "$only" = all ] || [ "$only" = B ]; then
  echo "Configuration B: 2 x 128, batch 32, seq 50"
  for ((i = 1; i <= runs; i++)); do
    charrnn_bench B "$i" "${b_net[@]}" "${b_args[@]}"
    torch_bench B "$i" "${b_net[@]}" "${b_args[@]}"
  done
fi
if [ "$only" = all ] || [ "$only" = run ]; then
  echo "Whole training run: 2 x 128, batch 32, seq 50, $run_steps steps, validation every 100"
  for ((i = 1; i <= runs; i++)); do
    ensure_built
    timed charrnn "$i" ./charrnn train --text "$text" "${b_net[@]}" --dropout 0.5 --lr 0.001 --steps "$run_steps" \
      --val-every 100 --val-frac 0.1 --samples 0 --quiet --json --model "$models/m$i.zip"
    if $have_torch; then
      timed pytorch "$i" "$py" bench/charrnn_torch.py --text "$text" "${b_net[@]}" --train-run "$run_steps" \
        --model "$models/m$i.pt"
    fi
  done
fi

# ---- the table ----
echo
python3 - "$results" "$run_steps" <<'EOF'
import json, statistics, sys

results, run_steps = sys.argv[1], sys.argv[2]
rows = [json.loads(line) for line in open(results) if line.strip()]


def values(config, impl, key):
    return [r["result"][key] for r in rows
            if r["config"] == config and r["impl"] == impl and r["result"].get(key) is not None]


def median(config, impl, key):
    v = values(config, impl, key)
    return statistics.median(v) if v else None


def number(x, digits):
    return f"{x:,.{digits}f}"


def cell(config, impl, key, digits):
    v = values(config, impl, key)
    if not v:
        return "n/a"
    text = number(statistics.median(v), digits)
    return text + (f" ({number(min(v), digits)}–{number(max(v), digits)})" if len(v) > 1 else "")


def ratio(a, b):
    return f"{a / b:.2f} ×" if a is not None and b else "n/a"


torch_version = next((r["result"]["torch"] for r in rows if r["result"].get("torch")), None)
threads = next((r["result"]["threads"] for r in rows if r["result"].get("threads")), None)
head = f"PyTorch {torch_version}, {threads} threads" if torch_version else "PyTorch 2.x"
print(f"| measurement | {head} (median, min–max) | charrnn (median, min–max) | ratio charrnn / PyTorch |")
print("|---|---|---|---|")
measurements = [
    ("training chars/s, A (2 × 512, batch 128, seq 100)", "A", "train_chars_per_s", 0),
    ("training chars/s, B (2 × 128, batch 32, seq 50)", "B", "train_chars_per_s", 0),
    ("evaluation chars/s, A (forward pass only)", "A", "eval_chars_per_s", 0),
    ("generation, one stream, chars/s, A (top-k 5)", "A", "sample_chars_per_s", 0),
    ("generation, 64 streams together, chars/s, A", "A", "batched_sample_chars_per_s", 0),
    (f"whole run ({run_steps} steps of B), wall s, start to exit", "run", "wall_s", 1),
    (f"whole run ({run_steps} steps of B), peak resident memory, MB", "run", "peak_rss_mb", 0),
]
for label, config, key, digits in measurements:
    if not values(config, "pytorch", key) and not values(config, "charrnn", key):
        if not any(r["config"] == config for r in rows):
            continue
    print(f"| {label} | {cell(config, 'pytorch', key, digits)} | {cell(config, 'charrnn', key, digits)} "
          f"| {ratio(median(config, 'charrnn', key), median(config, 'pytorch', key))} |")
    if key == "eval_chars_per_s":
        eval_ratio = {impl: ratio(median("A", impl, key), median("A", impl, "train_chars_per_s"))
                      for impl in ("pytorch", "charrnn")}
        print(f"| evaluation ÷ training chars/s, A | {eval_ratio['pytorch']} | {eval_ratio['charrnn']} | |")
heap = values("A", "charrnn", "peak_heap_mb")
print()
notes = ["Ratios above 1 favour charrnn for chars/s; for seconds and MB, below 1 does."]
if any(r["config"] == "run" for r in rows):
    notes.append("The whole run includes start-up, reading the text, validation and saving the model.")
if heap:
    notes.append(f"charrnn's peak Java heap in A: {statistics.median(heap):,.0f} MB.")
print(" ".join(notes))
EOF
echo
echo "Raw results: $results"

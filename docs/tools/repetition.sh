#!/usr/bin/env bash
# How much beam search repeats itself next to sampling (docs/sampling.md): for each setting, 5 primes x 300
# characters from the bundled pretrained model; prints a Markdown row per setting with the share of the text's
# 8-character windows that already appeared earlier in it, and the share of distinct words. Run from the repository.
set -euo pipefail
for setting in "--greedy" "--beam 4" "--beam 8" "--top-k 5 --seed 1" "--top-k 0 --top-p 0.9 --seed 1" "--top-k 5 --best-of 8 --seed 1"; do
  for prime in "The " "A man " "Life is " "When " "Computers "; do
    # shellcheck disable=SC2086  # the setting is several words
    ./charrnn sample --prime "$prime" --length 300 $setting --json 2>/dev/null | tail -1
  done | python3 -c '
import sys, json
shares, distinct = [], []
for line in sys.stdin:
    text = json.loads(line)["text"]
    seen, repeated, windows = set(), 0, 0
    for i in range(len(text) - 7):
        window = text[i:i + 8]
        windows += 1
        repeated += window in seen
        seen.add(window)
    shares.append(repeated / windows)
    words = text.split()
    distinct.append(len(set(words)) / len(words))
print(f"| `{sys.argv[1]}` | {100 * sum(shares) / len(shares):.0f}% | {100 * sum(distinct) / len(distinct):.0f}% |")
' "$setting"
done

#!/usr/bin/env python3
"""Writes a copy of a UTF-8 text whose vocabulary is capped at N symbols: the N-1 most frequent characters stay,
every other character becomes U+25A1 (a white square). Used to measure one-hot against embedding input at
vocabulary sizes between the bundled texts' (docs/performance.md).

usage: cap-vocabulary.py IN OUT N
"""
import collections
import sys

source, target, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(source, encoding="utf-8").read()
kept = {c for c, _ in collections.Counter(text).most_common(size - 1)}
capped = "".join(c if c in kept else "\u25a1" for c in text)
open(target, "w", encoding="utf-8").write(capped)
print(f"{target}: {len(capped):,} characters, {len(set(capped)):,} distinct")

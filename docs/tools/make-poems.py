#!/usr/bin/env python3
"""Writes poems-en.txt for the PoemWriter example from fortune-mod's songs-poems file.

Needs Debian's `fortunes` package (apt-get install fortunes), which installs
/usr/share/games/fortunes/songs-poems (BSD licence, /usr/share/doc/fortunes/copyright). Made the way
fortunes-en.txt was (docs/bundled-texts.md):

    python3 docs/tools/make-poems.py > charrnn-texts/src/main/resources/io/github/charrnn/texts/poems-en.txt

- overstrike sequences removed: a character followed by a backspace is dropped (the file writes accents as
  "'<BS>i" and underlines as "_<BS>N"; the letter stays);
- ANSI colour codes removed (the file has none today);
- tabs turned into four spaces, trailing spaces removed;
- one fortune per paragraph: each "%" separator line becomes a blank line (blank lines inside a song stay).
"""
import re
import sys

SOURCE = "/usr/share/games/fortunes/songs-poems"


def clean(fortune):
    """One fortune as plain text."""
    text = re.sub(r".\x08", "", fortune)
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    lines = [line.replace("\t", "    ").rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def main():
    with open(SOURCE, encoding="ascii") as f:
        fortunes = [clean(part) for part in re.split(r"^%\n", f.read(), flags=re.M)]
    sys.stdout.write("\n\n".join(f for f in fortunes if f) + "\n")


if __name__ == "__main__":
    main()

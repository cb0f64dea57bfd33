#!/usr/bin/env bash
# Writes austen-pride-en.txt for the NovelWriter example: Jane Austen's "Pride and Prejudice" (1813, public
# domain) as the Debian package r-cran-janeaustenr ships it (the Project Gutenberg text, one line per element;
# the R package is MIT-licensed, /usr/share/doc/r-cran-janeaustenr/copyright). Needs R:
#   apt-get install -y r-cran-janeaustenr
#   bash docs/tools/make-austen.sh > charrnn-texts/src/main/resources/io/github/charrnn/texts/austen-pride-en.txt
set -euo pipefail
Rscript -e 'library(janeaustenr); writeLines(prideprejudice)'

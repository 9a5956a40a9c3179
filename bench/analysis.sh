#!/usr/bin/env bash
# The shared text analysis alone: MB/s on bulletin text and on inputs
# written against its scanners, at 1, 2, 4 and 8 MiB, and the time ratio
# to the half size (linear: about 2).  Prints figures, asserts nothing.
#
#   bench/analysis.sh [TEXT_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${TMPDIR:-/tmp}/factpipe-analysis-scaling
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Iinclude -Icore/analysis \
   bench/analysis_scaling.c core/analysis/fp_analysis.c \
   $(pkg-config --cflags --libs libutf8proc) -o "$out"
"$out" "$@"

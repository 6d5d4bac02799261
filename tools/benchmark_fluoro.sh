#!/bin/sh
# The cost of the simulated fluoroscopy (issue 5): frame time at 1920x1080 with both X-ray views
# at 512x512 against without them, through spineviz's own --benchmark. Not part of ctest; the
# figures and how to read them are in docs/performance.md.
#
#   tools/benchmark_fluoro.sh [BUILD_DIR] [FRAMES] [ROUNDS] [SCENE...]
#       defaults: build 40 3, scene "--phase inflation --progress 0.5"
#
# With --fluoro, `spineviz --benchmark N` draws every other frame without the X-ray views (panel
# closed) and reports both medians, so that whatever else the machine runs weighs on both sides
# alike. Each round is one such run; the summary is the median over the rounds. A plain run
# without --fluoro is printed first for reference. Headless (SDL's offscreen driver, so Mesa
# llvmpipe) unless SDL_VIDEODRIVER says otherwise.
set -eu
build=${1:-build}
frames=${2:-40}
rounds=${3:-3}
if [ $# -gt 3 ]; then shift 3; scene="$*"; else scene="--phase inflation --progress 0.5"; fi
exe="$build/spineviz"
[ -x "$exe" ] || { echo "benchmark_fluoro: no $exe (build it first)" >&2; exit 1; }
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen}

median() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
field() { sed -n "s/^$1\([0-9.]*\).*/\1/p"; }

# shellcheck disable=SC2086
plain=$("$exe" --size 1920x1080 $scene --benchmark "$frames")
echo "$plain" | head -n 1
printf 'reference run, no fluoroscopy: median %s ms, p95 %s ms\n' "$(echo "$plain" | field 'frame time median: ')" \
    "$(echo "$plain" | field 'frame time p95: ')"
with=""; without=""; added=""
i=1
while [ "$i" -le "$rounds" ]; do
    # shellcheck disable=SC2086
    out=$("$exe" --size 1920x1080 $scene --fluoro both --fluoro-size 512 --benchmark "$frames")
    w=$(echo "$out" | field 'frame time median: ')
    wo=$(echo "$out" | field 'without fluoroscopy (interleaved frames): median ')
    a=$(echo "$out" | field 'fluoroscopy adds: ')
    printf 'round %d: with both X-ray views %8.1f ms, without %8.1f ms (interleaved): +%s %%\n' "$i" "$w" "$wo" "$a"
    with="$with $w"; without="$without $wo"; added="$added $a"
    i=$((i + 1))
done
echo "machine: $(nproc) CPUs, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "scene: $scene; $frames frames a run (half with, half without), $rounds rounds; 1920x1080; X-ray views 2 x 512x512"
printf 'median over the rounds: %.1f ms with, %.1f ms without fluoroscopy: it adds %.1f %%\n' \
    "$(printf '%s\n' $with | median)" "$(printf '%s\n' $without | median)" "$(printf '%s\n' $added | median)"

#!/usr/bin/env bash
# Start-up (a benchmark, not a test): `debrief --version`, best and median of RUNS runs, for the release build and
# the static one that `make install` installs, against /bin/true (what starting any process costs here).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-300}
measure() { # prints "best median" in microseconds
  local times=() s e
  for _ in $(seq "$RUNS"); do
    s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d %d\n", a[1], a[int((NR+1)/2)]}'
}
echo "6. Start-up, debrief --version ($RUNS runs each)"
read -r tb tm < <(measure /bin/true)
printf '   /bin/true (baseline):             best %5.1f ms  median %5.1f ms\n' "$(echo "$tb/1000" | bc -l)" "$(echo "$tm/1000" | bc -l)"
for bin in .build/release/debrief .build-static/release/debrief; do
  [ -x "$bin" ] || continue
  read -r b m < <(measure "$bin" --version)
  printf '   %-34s best %5.1f ms  median %5.1f ms  (%s)\n' "$bin:" "$(echo "$b/1000" | bc -l)" "$(echo "$m/1000" | bc -l)" "$(du -h "$bin" | cut -f1)"
done

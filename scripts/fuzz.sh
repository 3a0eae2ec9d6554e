#!/usr/bin/env bash
# Fuzzing (make fuzz): builds the libFuzzer targets in Fuzz/ with -sanitize=fuzzer,address and runs each for
# FUZZ_SECONDS (default 60), from the seed corpus in Fuzz/corpus/TARGET (copied: the inputs libFuzzer
# finds go to .build-fuzz-corpus/, not into the repository). A crash, a hang over 10 s or more than 2 GB of memory
# stops the run and leaves the input in Fuzz/crashes/; once fixed, copy it into Fuzz/corpus/TARGET so that the test
# suite replays it for ever (Tests/DebriefFuzzTests).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"record quick-entry markdown-names render import"}
(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address)
bin=$(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address --show-bin-path)
mkdir -p Fuzz/crashes
for t in $TARGETS; do
  work=".build-fuzz-corpus/$t"
  mkdir -p "$work"
  cp Fuzz/corpus/"$t"/* "$work"/
  echo "== fuzz-$t: $SECONDS_EACH s"
  # Leaks are not looked for (the Swift runtime keeps its caches to the end); memory is bounded by -rss_limit_mb.
  (cd Fuzz && ASAN_OPTIONS=detect_leaks=0 "$bin/fuzz-$t" "../$work" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
     -detect_leaks=0 -artifact_prefix="crashes/$t-" -print_final_stats=1 2>&1 \
     | grep -E "^(Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" || true)
  if ls Fuzz/crashes/"$t"-* > /dev/null 2>&1; then echo "fuzz-$t: found a failing input: $(ls Fuzz/crashes/"$t"-*)"; exit 1; fi
done
echo "No crash, hang or runaway memory."

#!/usr/bin/env bash
# Runs each test target in its own process. Swift Testing runs a process's
# tests in parallel on the cooperative pool, which has one thread per core;
# on a 2-core machine one target's blocking subprocess and socket waits would
# starve another's timers. One process per target keeps targets independent.
set -uo pipefail
cd "$(dirname "$0")/.."
targets=$(sed -n 's/.*\.testTarget(name: "\([A-Za-z]*\)".*/\1/p' Package.swift)
passed=0; failed=0; failed_targets=()
for t in $targets; do
  echo "=== $t"
  log=$(mktemp)
  swift test --skip-build --filter "^$t\." 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  n=$(grep -Eo 'Test run with [0-9]+ tests?' "$log" | grep -Eo '[0-9]+' | tail -1)
  issues=$(grep -Eo 'failed after [0-9.]+ seconds with [0-9]+ issues?' "$log" | tail -1 | grep -Eo '[0-9]+ issue' | grep -Eo '[0-9]+')
  n=${n:-0}
  if [ "$rc" -ne 0 ]; then
    failed_targets+=("$t"); nf=$(grep '^✘ Test .* failed after' "$log" | grep -vc '^✘ Test run '); failed=$((failed + ${nf:-1})); passed=$((passed + n - ${nf:-1}))
  else
    passed=$((passed + n))
  fi
  rm -f "$log"
done
echo
[ ${#failed_targets[@]} -gt 0 ] && echo "failing targets: ${failed_targets[*]}"
echo "$passed passed, $failed failed"
[ ${#failed_targets[@]} -eq 0 ]

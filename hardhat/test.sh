#!/usr/bin/env bash
# Runs every Hardhat test (Solidity unit/fuzz/invariant tests and the node:test TypeScript tests),
# offline, then prints the totals as node:test does ("ℹ pass N", "ℹ fail N") plus the invariant
# campaign's counts. Exits non-zero on any failure. Needs hardhat/setup.sh to have run once.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

stats=cache/invariant-stats.txt
out=$(mktemp)
trap 'rm -f "$out"' EXIT
mkdir -p cache
rm -f "$stats"

bin/hardhat test 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

# `hardhat test` ends with "N passing (a solidity, b nodejs)" and, on failures, "N failing (...)";
# a single runner prints plain "N passing". Prefer the combined line so nothing is counted twice.
count() {
  local combined
  combined=$(grep -E "^\s*[0-9]+ $1 \(" "$out" | tail -1 | awk '{print $1}')
  if [ -n "$combined" ]; then echo "$combined"; else grep -E "^\s*[0-9]+ $1" "$out" | awk '{s += $1} END {print s + 0}'; fi
}
pass=$(count passing)
fail=$(count failing)
if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then
  fail=1 # a failure before any test ran (compilation, configuration)
fi
if [ -s "$stats" ]; then
  # One line per invariant run: successful handler calls, pair-rule settlements, net-vector settlements,
  # rejected rounds, abandoned rounds, re-entry attempts, settlements before the window's end (by
  # acceptances), longest lock in seconds.
  awk '{ calls += $1; pair += $2; net += $3; rejected += $4; abandoned += $5; reentries += $6; early += $7;
         if ($8 > lock) lock = $8; if ($1 == 0) empty++ }
       END { printf "# invariant: %d run summaries (afterInvariant), successful handler calls %d, pair-rule settlements %d, net-vector settlements %d, rejected rounds %d, abandoned rounds %d, re-entry attempts %d, early settlements %d, longest lock %d s, runs without a successful call %d\n", NR, calls, pair, net, rejected, abandoned, reentries, early, lock, empty + 0 }' "$stats"
  # A campaign in which no pair-rule round settled proves nothing about settlement: it fails.
  if [ "$(awk '{ s += $2 } END { print s + 0 }' "$stats")" -eq 0 ]; then
    echo "# invariant: no pair-rule round settled in the whole campaign" >&2
    fail=$((fail + 1))
  fi
elif [ "$status" -eq 0 ]; then
  echo "# invariant: the campaign wrote no run summaries ($stats)" >&2
  fail=$((fail + 1))
fi
echo "ℹ pass $pass"
echo "ℹ fail $fail"
[ "$status" -eq 0 ] && [ "$fail" -eq 0 ]

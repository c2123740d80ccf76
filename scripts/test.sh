#!/usr/bin/env bash
# Sets everything up, then runs every test: the .NET suites and the Hardhat (TypeScript + Solidity) suites.
# Ends with one summary line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1

results=$(mktemp -d)
status=0

dotnet test CoCoGen.Chain.sln -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=cocogen" --results-directory "$results" || status=1

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9)
  f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

if [ -x hardhat/test.sh ]; then
  hardhat_out=$(mktemp)
  hardhat/test.sh 2>&1 | tee "$hardhat_out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  hp=$(grep -E '^(ℹ|#) pass [0-9]+' "$hardhat_out" | tail -1 | tr -dc 0-9)
  hf=$(grep -E '^(ℹ|#) fail [0-9]+' "$hardhat_out" | tail -1 | tr -dc 0-9)
  passed=$((passed + ${hp:-0})); failed=$((failed + ${hf:-0}))
fi

[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status

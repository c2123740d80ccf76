#!/usr/bin/env bash
# Sets everything up, then runs the main job: `cocogen run` with its defaults (Fashion-MNIST, 10
# organizations, α = 0.5, ρ̄ = 0.5, CoCoGen+), on the local chain (anvil), which it starts if needed and leaves
# running so the run can be audited afterwards (cocogen audit --run DIR; cocogen chain down stops it).
# Extra arguments go to `cocogen run` (e.g. --rounds 5, --mechanism madg).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
out="runs/run-$(date -u +%Y%m%d-%H%M%S)"
dotnet src/CoCoGen.Cli/bin/Release/net10.0/cocogen.dll run --out "$out" "$@"
echo "run directory: $out (open $out/report.html)"

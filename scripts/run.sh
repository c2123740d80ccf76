#!/usr/bin/env bash
# Sets everything up, then runs the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet run --project src/CoCoGen.Cli -c Release --no-build -- sweep --scenario examples/fashion-mnist-10.json --over rho --out out/sweep-rho

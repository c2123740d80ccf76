#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine (run as root) and builds it.
# Idempotent: a second run installs nothing and rebuilds incrementally.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || packages+=(dataset-fashion-mnist)
command -v docker-compose >/dev/null || packages+=(docker-compose)
# Headless Chromium lays report.html out at 1400 px in tests/CoCoGen.Cli.Tests (RunReportInChromiumTests).
command -v chromium >/dev/null || packages+=(chromium)
if [ ${#packages[@]} -gt 0 ]; then
  echo "setup: apt-get install ${packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# The local chain that outlives a run (cocogen chain up): anvil from npm, pinned by tools/anvil/package-lock.json.
if [ ! -x tools/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil ]; then
  echo "setup: npm ci (tools/anvil)"
  (cd tools/anvil && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -x hardhat/setup.sh ]; then
  hardhat/setup.sh
fi

echo "setup: dotnet build (Release)"
dotnet build CoCoGen.Chain.sln -c Release -nologo -v q

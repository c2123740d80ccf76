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
  paths: {
    sources: "contracts",
    tests: {
      nodejs: "test/node",
      solidity: "test/solidity",
    },
  },
  test: {
    solidity: {
      fuzz: { runs: 256, seed: "0x2a" },
      invariant: { runs: 64, depth: 32, failOnRevert: false },
    },
  },
});

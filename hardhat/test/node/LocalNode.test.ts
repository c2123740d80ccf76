// The interface other parts of the system script against: `bin/hardhat node` serves chain 31337 over
// HTTP and `scripts/deploy.ts` deploys the settlement to it, printing one JSON line.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { createPublicClient, getAddress, http } from "viem";

const hardhatDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const wrapper = path.join(hardhatDir, "bin", "hardhat");

/** A port the OS reports free right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  return address.port;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(wrapper, args, { cwd: hardhatDir, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("bin/hardhat node and scripts/deploy.ts", () => {
  let node: ChildProcess;
  let url: string;

  before(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    node = spawn(wrapper, ["node", "--hostname", "127.0.0.1", "--port", String(port)], { cwd: hardhatDir });
    let output = "";
    node.stdout?.on("data", (chunk) => (output += chunk));
    // Wait for the banner; the process exiting first is a failure.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (output.includes("Started HTTP")) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
      node.once("exit", (code) => {
        clearInterval(poll);
        reject(new Error(`hardhat node exited with ${code}: ${output}`));
      });
    });
  });

  after(async () => {
    if (node.exitCode === null) {
      node.kill("SIGTERM");
      await once(node, "exit");
    }
  });

  it("serves chain id 31337 and deploys the settlement with the first account as coordinator", async () => {
    const client = createPublicClient({ transport: http(url) });
    assert.equal(await client.getChainId(), 31337);
    const result = await run(["run", "scripts/deploy.ts", "--network", "cocogen"], {
      COCOGEN_RPC_URL: url,
      COCOGEN_WEI_PER_UNIT: "1000",
      COCOGEN_COMMIT_TIMEOUT: "120",
      COCOGEN_CHALLENGE_WINDOW: "3",
    });
    assert.equal(result.code, 0, result.stderr);
    const line = result.stdout.trim().split("\n").at(-1) ?? "";
    const deployed = JSON.parse(line) as { address: string; transactionHash: string; blockNumber: string; chainId: number };
    assert.equal(deployed.chainId, 31337);
    const code = await client.getCode({ address: getAddress(deployed.address) });
    assert.ok(code !== undefined && code.length > 2, "no code at the deployed address");
    const abi = [
      { type: "function", name: "weiPerUnit", inputs: [], outputs: [{ type: "uint256" }], stateMutability: "view" },
      { type: "function", name: "commitTimeout", inputs: [], outputs: [{ type: "uint64" }], stateMutability: "view" },
      { type: "function", name: "challengeWindow", inputs: [], outputs: [{ type: "uint64" }], stateMutability: "view" },
      { type: "function", name: "absenceTimeout", inputs: [], outputs: [{ type: "uint64" }], stateMutability: "view" },
      { type: "function", name: "coordinator", inputs: [], outputs: [{ type: "address" }], stateMutability: "view" },
    ] as const;
    const address = getAddress(deployed.address);
    assert.equal(await client.readContract({ address, abi, functionName: "weiPerUnit" }), 1000n);
    assert.equal(await client.readContract({ address, abi, functionName: "commitTimeout" }), 120n);
    assert.equal(await client.readContract({ address, abi, functionName: "challengeWindow" }), 3n);
    assert.equal(await client.readContract({ address, abi, functionName: "absenceTimeout" }), 86400n);
    // Hardhat's default mnemonic, account 0.
    assert.equal(
      await client.readContract({ address, abi, functionName: "coordinator" }),
      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    );
  });

  it("refuses a malformed option with a message naming it", async () => {
    const result = await run(["run", "scripts/deploy.ts", "--network", "cocogen"], {
      COCOGEN_RPC_URL: url,
      COCOGEN_CHALLENGE_WINDOW: "soon",
    });
    assert.notEqual(result.code, 0);
    assert.match(result.stdout + result.stderr, /COCOGEN_CHALLENGE_WINDOW must be a positive integer, got "soon"/);
  });
});

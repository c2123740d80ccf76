// The committed artifact (read by the C# binding) is the one this source compiles to.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { artifacts } from "hardhat";

const contractsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "contracts");

function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

describe("committed artifact", () => {
  it("matches the compiled contract and the sha256 of its source", async () => {
    const committed = JSON.parse(readFileSync(path.join(contractsDir, "artifacts", "CoCoGenSettlement.json"), "utf8"));
    const built = await artifacts.readArtifact("CoCoGenSettlement");
    assert.equal(committed.contractName, "CoCoGenSettlement");
    assert.deepEqual(committed.abi, built.abi, "ABI is stale: run hardhat/bin/export-artifact");
    // Compared by hash so that a stale artifact fails with a short message.
    assert.equal(sha256(committed.bytecode), sha256(built.bytecode), "bytecode is stale: run hardhat/bin/export-artifact");
    assert.equal(sha256(committed.deployedBytecode), sha256(built.deployedBytecode), "deployedBytecode is stale");
    const sourceHash = sha256(readFileSync(path.join(contractsDir, "CoCoGenSettlement.sol")));
    assert.equal(readFileSync(path.join(contractsDir, "artifacts", "CoCoGenSettlement.source.sha256"), "utf8"), `${sourceHash}\n`);
  });
});

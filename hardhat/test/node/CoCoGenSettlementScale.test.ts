// MAX_MEMBERS members settle within Osaka's per-transaction gas cap, and the committed artifact is the
// one this source compiles to.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { artifacts, network } from "hardhat";
import { getAddress, parseEther, type Address, type Hex } from "viem";

import { profile, referenceNet, symmetricRho, WAD, WEI_PER_UNIT, WINDOW } from "../support/settlement.ts";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
// EIP-7825 (Osaka): no transaction may use more than 2^24 gas.
const TX_GAS_CAP = 2n ** 24n;
const contractsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "contracts");

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

async function gasOf(hash: Hex): Promise<bigint> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, "success");
  return receipt.gasUsed;
}

describe("CoCoGenSettlement at MAX_MEMBERS", () => {
  it("sets a full competition matrix and settles 64 members under the transaction gas cap, exactly", async () => {
    const settlement = await viem.deployContract("CoCoGenSettlement", [WEI_PER_UNIT, WINDOW]);
    const n = Number(await settlement.read.MAX_MEMBERS());
    const members: Address[] = [];
    for (let i = 0; i < n; i++) {
      const address = getAddress(`0x${(0xbeef_0000 + i).toString(16).padStart(40, "0")}`);
      await networkHelpers.impersonateAccount(address);
      await networkHelpers.setBalance(address, parseEther("100"));
      await settlement.write.registerMember([address]);
      members.push(address);
    }
    const rho = symmetricRho(n, (i, j) => WAD - BigInt(i * 64 + j) * 10n ** 14n);
    const setGas = await gasOf(await settlement.write.setCompetition([rho]));
    assert.ok(setGas < TX_GAS_CAP, `setCompetition used ${setGas}`);
    await settlement.write.setGamma([WAD, WAD]);
    const x = members.map((_, i) => (BigInt((i * 7919) % 101) - 50n) * WAD + BigInt(i));
    for (const m of members) await settlement.write.depositSubmit({ account: m, value: parseEther("50") });
    await settlement.write.openRound([1n]);
    for (let i = 0; i < n; i++) {
      const p = profile(i, 1, x[i]);
      await settlement.write.profileRecord([1n, members[i], p]);
      await settlement.write.contributionSubmit([1n, p], { account: members[i] });
    }
    const closeGas = await gasOf(await settlement.write.closeRound([1n]));
    const expected = referenceNet(x, new Array(n).fill(true), rho, WAD, WEI_PER_UNIT);
    assert.deepEqual([...(await settlement.read.payoffCalculate([1n]))], expected);
    const transferGas = await gasOf(await settlement.write.payoffTransfer([1n]));
    assert.ok(closeGas + transferGas < TX_GAS_CAP, `settlement used ${closeGas + transferGas}`);
    const bonds = await Promise.all(members.map((m) => settlement.read.bondOf([m])));
    assert.deepEqual(bonds, expected.map((e) => parseEther("50") + e));
    assert.equal(bonds.reduce((a, b) => a + b, 0n), parseEther("50") * BigInt(n));
  });
});

describe("committed artifact", () => {
  it("matches the compiled contract and the sha256 of its source", async () => {
    const committed = JSON.parse(readFileSync(path.join(contractsDir, "artifacts", "CoCoGenSettlement.json"), "utf8"));
    const built = await artifacts.readArtifact("CoCoGenSettlement");
    assert.equal(committed.contractName, "CoCoGenSettlement");
    assert.deepEqual(committed.abi, built.abi, "ABI is stale: run hardhat/bin/export-artifact");
    // Compared by hash so that a stale artifact fails with a short message.
    assert.equal(sha256(committed.bytecode), sha256(built.bytecode), "bytecode is stale: run hardhat/bin/export-artifact");
    assert.equal(sha256(committed.deployedBytecode), sha256(built.deployedBytecode), "deployedBytecode is stale");
    const sourceHash = createHash("sha256")
      .update(readFileSync(path.join(contractsDir, "CoCoGenSettlement.sol")))
      .digest("hex");
    assert.equal(readFileSync(path.join(contractsDir, "artifacts", "CoCoGenSettlement.source.sha256"), "utf8"), `${sourceHash}\n`);
  });
});

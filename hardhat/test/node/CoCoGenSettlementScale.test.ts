// At MAX_MEMBERS every call of a round (setCompetition, openRound, commit, settle, a majority rejection
// with the coordinator's slash, and the member vote to replace a coordinator) fits Osaka's per-transaction
// gas cap, and the settlement is exact.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { network } from "hardhat";
import { type Hex } from "viem";

import { bondsOf, configuredSettlement, open, type Connection } from "../support/deployment.ts";
import {
  ABSENCE_TIMEOUT,
  CHALLENGE_WINDOW,
  COORDINATOR_BOND,
  DEBIT_CAP,
  evidenceRoot,
  GAMMA,
  MIN_BOND,
  referenceNet,
  RoundStatus,
  symmetricRho,
  WAD,
  WEI_PER_UNIT,
} from "../support/settlement.ts";

const connection: Connection = await network.create();
const { viem, networkHelpers } = connection;
const publicClient = await viem.getPublicClient();
// EIP-7825 (Osaka): no transaction may use more than 2^24 gas.
const TX_GAS_CAP = 2n ** 24n;

async function gasOf(hash: Promise<Hex>): Promise<bigint> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
  assert.equal(receipt.status, "success");
  assert.ok(receipt.gasUsed < TX_GAS_CAP, `used ${receipt.gasUsed} gas`);
  return receipt.gasUsed;
}

describe("CoCoGenSettlement at MAX_MEMBERS", () => {
  it("runs a settled and a rejected round and a coordinator replacement with 64 members, each call under 2^24 gas", async () => {
    const { settlement, members } = await configuredSettlement(connection, 64, { base: 0xbeef_0000 });
    const n = Number(await settlement.read.MAX_MEMBERS());
    assert.equal(members.length, n);
    const rho = symmetricRho(n, (i, j) => WAD - BigInt(i * 64 + j) * 10n ** 14n);
    await gasOf(settlement.write.setCompetition([rho]));
    await networkHelpers.time.increase(CHALLENGE_WINDOW);
    const x = members.map((_, i) => (BigInt((i * 7919) % 101) - 50n) * WAD + BigInt(i));
    await gasOf(open(settlement, 1));
    await gasOf(settlement.write.commitContributions([1n, x, evidenceRoot(1)]));
    const expected = referenceNet(x, new Array(n).fill(true), rho, GAMMA, WEI_PER_UNIT, DEBIT_CAP);
    assert.deepEqual([...(await settlement.read.payoffCalculate([1n]))], expected);
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    await gasOf(settlement.write.settleRound([1n]));
    const bonds = await bondsOf(settlement, members);
    assert.deepEqual(bonds, expected.map((e) => MIN_BOND + e));
    // Round 2: 33 of 64 reject; the 33rd vote voids the round and slashes the coordinator.
    for (let i = 0; i < n; i++) {
      if (bonds[i] < MIN_BOND) await settlement.write.depositSubmit({ account: members[i], value: MIN_BOND - bonds[i] });
    }
    await gasOf(open(settlement, 2));
    await gasOf(settlement.write.commitContributions([2n, x, evidenceRoot(2)]));
    for (let i = 0; i < 33; i++) await gasOf(settlement.write.rejectCommitment([2n], { account: members[i] }));
    assert.equal(await settlement.read.roundStatus([2n]), RoundStatus.Rejected);
    const share = COORDINATOR_BOND / 64n;
    const after = await bondsOf(settlement, members);
    assert.deepEqual(after, bonds.map((b) => (b < MIN_BOND ? MIN_BOND : b) + share));
    // The coordinator then stays away; 33 members replace it.
    await networkHelpers.time.increase(ABSENCE_TIMEOUT + 1n);
    const next = (await viem.getWalletClients())[18].account.address;
    for (let i = 0; i < 33; i++) await gasOf(settlement.write.voteReplaceCoordinator([next], { account: members[i] }));
    assert.equal((await settlement.read.pendingCoordinator()).toLowerCase(), next.toLowerCase());
  });
});

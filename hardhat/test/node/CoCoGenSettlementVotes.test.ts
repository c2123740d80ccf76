// The challenge vote at 2, 3 and 10 members: a rejection needs a strict majority of ALL round members
// (2 of 2, 2 of 3, 6 of 10); silence is acceptance. Balances are asserted to the wei.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { network } from "hardhat";
import { getAddress } from "viem";

import { bondsOf, committed, configuredSettlement, type Connection } from "../support/deployment.ts";
import {
  CHALLENGE_WINDOW,
  COORDINATOR_BOND,
  DEBIT_CAP,
  GAMMA,
  MIN_BOND,
  referenceNet,
  RoundStatus,
  STAKE,
  WAD,
  WEI_PER_UNIT,
} from "../support/settlement.ts";

const connection: Connection = await network.create();
const { viem, networkHelpers } = connection;
const [coordinatorWallet] = await viem.getWalletClients();
const coordinator = getAddress(coordinatorWallet.account.address);

// loadFixture needs named functions.
const twoMembers = () => configuredSettlement(connection, 2);
const threeMembers = () => configuredSettlement(connection, 3);
const tenMembers = () => configuredSettlement(connection, 10);
const fixtures = new Map([
  [2, twoMembers],
  [3, threeMembers],
  [10, tenMembers],
]);

/** Contributions with both signs, so every member pays or receives. */
const contributions = (n: number) => Array.from({ length: n }, (_, i) => (BigInt((i * 7) % 5) - 2n) * WAD + BigInt(i));

for (const n of [2, 3, 10]) {
  const needed = Math.floor(n / 2) + 1;
  describe(`challenge vote with ${n} members (rejection needs ${needed})`, () => {
    it("a lone false challenger loses its stake to the others and the round settles by the rule", async () => {
      const { settlement, members, rho } = await networkHelpers.loadFixture(fixtures.get(n)!);
      const x = contributions(n);
      await committed(settlement, 1, x);
      await settlement.write.rejectCommitment([1n], { account: members[n - 1] });
      assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Committed);
      await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
      await settlement.write.settleRound([1n]);
      assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Settled);
      const net = referenceNet(x, members.map(() => true), rho, GAMMA, WEI_PER_UNIT, DEBIT_CAP);
      const share = STAKE / BigInt(n - 1);
      const remainder = STAKE - share * BigInt(n - 1);
      const expected = net.map((e, i) =>
        i === n - 1 ? MIN_BOND + e - STAKE : MIN_BOND + e + share + (i === 0 ? remainder : 0n),
      );
      assert.deepEqual(await bondsOf(settlement, members), expected);
      assert.equal(await settlement.read.bondOf([coordinator]), COORDINATOR_BOND * 3n);
    });

    it(`a majority (${needed}) rejecting a wrong commitment voids it at once and slashes the coordinator`, async () => {
      const { settlement, members } = await networkHelpers.loadFixture(fixtures.get(n)!);
      const wrong = contributions(n).map((e, i) => (i === 0 ? e + 100n * WAD : e));
      await committed(settlement, 1, wrong);
      for (let i = 1; i < needed; i++) await settlement.write.rejectCommitment([1n], { account: members[i] });
      assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Committed, "one vote short is no majority");
      await viem.assertions.emitWithArgs(
        settlement.write.rejectCommitment([1n], { account: members[needed] ?? members[0] }),
        settlement,
        "RoundRejected",
        [1n, BigInt(needed), BigInt(n)],
      );
      assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Rejected);
      const share = COORDINATOR_BOND / BigInt(n);
      assert.deepEqual(await bondsOf(settlement, members), members.map(() => MIN_BOND + share));
      assert.equal(await settlement.read.bondOf([coordinator]), COORDINATOR_BOND * 3n - share * BigInt(n));
      assert.equal(await settlement.read.activeRound(), 0n);
      for (const m of members) assert.equal(await settlement.read.isLocked([m]), false);
    });

    it("silence settles once the window has passed (not at its last second)", async () => {
      const { settlement, members, rho } = await networkHelpers.loadFixture(fixtures.get(n)!);
      const x = contributions(n);
      await committed(settlement, 1, x);
      const [, , , deadline] = await settlement.read.roundInfo([1n]);
      await networkHelpers.time.setNextBlockTimestamp(deadline);
      await viem.assertions.revertWithCustomErrorWithArgs(
        settlement.write.settleRound([1n]),
        settlement,
        "CoCoGenSettlementChallengeWindowOpen",
        [1n, deadline],
      );
      await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);
      await settlement.write.settleRound([1n]);
      const net = referenceNet(x, members.map(() => true), rho, GAMMA, WEI_PER_UNIT, DEBIT_CAP);
      assert.deepEqual(await bondsOf(settlement, members), net.map((e) => MIN_BOND + e));
      assert.equal(net.reduce((a, b) => a + b, 0n), 0n);
      assert.ok(net.some((e) => e !== 0n));
    });
  });
}

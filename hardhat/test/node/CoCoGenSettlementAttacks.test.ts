// The nine attacks of issue 12, each against v2: every test asserts that the attack's EFFECT (money moved,
// a round voided or stalled, a bond locked, control taken) did not happen, with balances, not only reverts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { network } from "hardhat";
import { getAddress } from "viem";

import { bondsOf, committed, configuredSettlement, open, type Connection } from "../support/deployment.ts";
import {
  ABSENCE_TIMEOUT,
  CHALLENGE_WINDOW,
  COORDINATOR_BOND,
  DEBIT_CAP,
  evidenceRoot,
  GAMMA,
  MIN_BOND,
  Mode,
  referenceNet,
  RoundStatus,
  STAKE,
  WAD,
  WEI_PER_UNIT,
} from "../support/settlement.ts";

const connection: Connection = await network.create();
const { viem, networkHelpers } = connection;
const [coordinatorWallet, , , , , , , , , , , , , , , , , , candidateWallet, strangerWallet] = await viem.getWalletClients();
const coordinator = getAddress(coordinatorWallet.account.address);
const stranger = strangerWallet.account;
const candidate = getAddress(candidateWallet.account.address);
const publicClient = await viem.getPublicClient();

const fourMembers = () => configuredSettlement(connection, 4);
const threeMembers = () => configuredSettlement(connection, 3);

describe("issue 12 attacks against v2", () => {
  it("attack 1: the coordinator cannot move a member's bond with a net vector beyond the cap, nor past a majority", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(fourMembers);
    await open(settlement, 1, Mode.NetVector);
    // The old attack: drain member 0's whole bond to member 1.
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitNet([1n, [-MIN_BOND, MIN_BOND, 0n, 0n], evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementDebitAboveCap",
      [members[0], MIN_BOND, DEBIT_CAP],
    );
    // Within the cap but not what the evidence says: the other members reject it.
    await settlement.write.commitNet([1n, [-DEBIT_CAP, DEBIT_CAP, 0n, 0n], evidenceRoot(1)]);
    for (const m of [members[0], members[2], members[3]]) await settlement.write.rejectCommitment([1n], { account: m });
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Rejected);
    const share = COORDINATOR_BOND / 4n;
    assert.deepEqual(await bondsOf(settlement, members), members.map(() => MIN_BOND + share));
    assert.equal(await settlement.read.bondOf([coordinator]), COORDINATOR_BOND * 3n - share * 4n);
  });

  it("attack 2: a member leaves at any time; after the round it is in ends it withdraws everything and joins no later round", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(fourMembers);
    await open(settlement, 1);
    // Mid-round, before the coordinator it distrusts acts.
    await settlement.write.exitMembership({ account: members[2] });
    await settlement.write.commitContributions([1n, [WAD, 0n, -WAD, 0n], evidenceRoot(1)]);
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    await settlement.write.settleRound([1n], { account: members[2] });
    const bond = await settlement.read.bondOf([members[2]]);
    const before = await publicClient.getBalance({ address: members[2] });
    const hash = await settlement.write.withdraw([bond], { account: members[2] });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    const fee = receipt.gasUsed * receipt.effectiveGasPrice;
    assert.equal(await publicClient.getBalance({ address: members[2] }), before + bond - fee);
    assert.equal(await settlement.read.bondOf([members[2]]), 0n);
    // The others top up to the minimum (a payer of round 1 may be below it) and round 2 opens without member 2.
    for (const m of [members[0], members[1], members[3]]) {
      const short = MIN_BOND - (await settlement.read.bondOf([m]));
      if (short > 0n) await settlement.write.depositSubmit({ account: m, value: short });
    }
    await open(settlement, 2);
    const [, , , , activeMask] = await settlement.read.roundInfo([2n]);
    assert.equal(activeMask, 0b1011n);
  });

  it("attack 3: an inflated x for an accomplice is rejected by the honest majority; the accomplice gains nothing", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(threeMembers);
    // The evidence says x = (0, 1, 2); the coordinator commits x_0 = 1000 for its accomplice, member 0.
    await committed(settlement, 1, [1000n * WAD, WAD, 2n * WAD]);
    await settlement.write.rejectCommitment([1n], { account: members[1] });
    await settlement.write.rejectCommitment([1n], { account: members[2] });
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Rejected);
    const share = COORDINATOR_BOND / 3n;
    // Nobody paid the accomplice: every bond moved only by the coordinator's slash share.
    assert.deepEqual(await bondsOf(settlement, members), members.map(() => MIN_BOND + share));
    assert.equal(await settlement.read.isLocked([members[1]]), false);
  });

  it("attack 4: a lone false rejection neither voids nor stalls the round, and costs the rejecter its stake", async () => {
    const { settlement, members, rho } = await networkHelpers.loadFixture(threeMembers);
    const x = [3n * WAD, -WAD, WAD];
    await committed(settlement, 1, x);
    await settlement.write.rejectCommitment([1n], { account: members[0] });
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    await settlement.write.settleRound([1n], { account: stranger });
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Settled);
    const net = referenceNet(x, [true, true, true], rho, GAMMA, WEI_PER_UNIT, DEBIT_CAP);
    assert.deepEqual(await bondsOf(settlement, members), [
      MIN_BOND + net[0] - STAKE,
      MIN_BOND + net[1] + STAKE / 2n,
      MIN_BOND + net[2] + STAKE / 2n,
    ]);
  });

  it("attack 5: nobody picks the settlement path: the mode is committed at open and settleRound applies only it", async () => {
    const { settlement, members, rho } = await networkHelpers.loadFixture(threeMembers);
    await open(settlement, 1);
    const x = [2n * WAD, 0n, -WAD];
    const net = referenceNet(x, [true, true, true], rho, GAMMA, WEI_PER_UNIT, DEBIT_CAP);
    // A PairRule round refuses a net vector, even the pair rule's own.
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitNet([1n, net, evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementWrongMode",
      [1n, Mode.PairRule],
    );
    await settlement.write.commitContributions([1n, x, evidenceRoot(1)]);
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    // The payer itself settles: it gets exactly the pair rule.
    await settlement.write.settleRound([1n], { account: members[2] });
    assert.deepEqual(await bondsOf(settlement, members), net.map((e) => MIN_BOND + e));
    assert.ok(net[2] < 0n);
  });

  it("attack 6: a member's silence does not set its x to 0; the committed (negative) x is settled", async () => {
    const { settlement, members, rho } = await networkHelpers.loadFixture(threeMembers);
    const x = [WAD, WAD, -5n * WAD];
    await committed(settlement, 1, x);
    // Member 2 sends nothing at all.
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    await settlement.write.settleRound([1n], { account: stranger });
    const net = referenceNet(x, [true, true, true], rho, GAMMA, WEI_PER_UNIT, DEBIT_CAP);
    const ifZero = referenceNet([WAD, WAD, 0n], [true, true, true], rho, GAMMA, WEI_PER_UNIT, DEBIT_CAP);
    assert.equal(await settlement.read.bondOf([members[2]]), MIN_BOND + net[2]);
    assert.ok(net[2] < ifZero[2], "silence must not help a member with a negative contribution");
  });

  it("attack 7: a payer that withdraws below the minimum before open is left out; nobody is locked by it", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(threeMembers);
    await settlement.write.withdraw([1n], { account: members[1] });
    await viem.assertions.emitWithArgs(open(settlement, 1), settlement, "MemberNotEnrolled", [
      1n,
      members[1],
      MIN_BOND - 1n,
      MIN_BOND,
    ]);
    const [, , , , activeMask] = await settlement.read.roundInfo([1n]);
    assert.equal(activeMask, 0b101n);
    // Not in the round, so not locked: it withdraws the rest mid-round.
    await settlement.write.withdraw([MIN_BOND - 1n], { account: members[1] });
    await settlement.write.commitContributions([1n, [WAD, 0n, -WAD], evidenceRoot(1)]);
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    await settlement.write.settleRound([1n], { account: stranger });
    for (const m of [members[0], members[2]]) await settlement.write.withdraw([1n], { account: m });
    await open(settlement, 2);
    assert.equal(await settlement.read.roundStatus([2n]), RoundStatus.Open);
  });

  it("attack 8: handover is two-step and a majority replaces an absent coordinator; a lone member cannot", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(fourMembers);
    // A mistyped handover does not lose control: nothing changes until the candidate accepts.
    await settlement.write.proposeCoordinator([stranger.address]);
    assert.equal(await settlement.read.coordinator(), coordinator);
    await settlement.write.proposeCoordinator([candidate]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.acceptCoordinator({ account: stranger }),
      settlement,
      "CoCoGenSettlementNotPendingCoordinator",
      [getAddress(stranger.address)],
    );
    // Absent coordinator: no round for absenceTimeout. Two of four members are not a majority.
    await networkHelpers.time.increase(ABSENCE_TIMEOUT + 1n);
    await settlement.write.voteReplaceCoordinator([stranger.address], { account: members[0] });
    await settlement.write.voteReplaceCoordinator([stranger.address], { account: members[1] });
    assert.equal(await settlement.read.pendingCoordinator(), candidate);
    await settlement.write.voteReplaceCoordinator([stranger.address], { account: members[2] });
    assert.equal(await settlement.read.pendingCoordinator(), getAddress(stranger.address));
    await settlement.write.acceptCoordinator({ account: stranger });
    assert.equal(await settlement.read.coordinator(), getAddress(stranger.address));
    await viem.assertions.revertWithCustomErrorWithArgs(
      open(settlement, 1),
      settlement,
      "CoCoGenSettlementNotCoordinator",
      [coordinator],
    );
    // The former coordinator's bond is free again.
    await settlement.write.withdraw([COORDINATOR_BOND * 3n]);
    assert.equal(await settlement.read.bondOf([coordinator]), 0n);
  });

  it("attack 9: the coordinator is never a member, and a member never the coordinator", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(threeMembers);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.registerMember([coordinator]),
      settlement,
      "CoCoGenSettlementCoordinatorIsMember",
      [coordinator],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.proposeCoordinator([members[0]]),
      settlement,
      "CoCoGenSettlementCoordinatorIsMember",
      [members[0]],
    );
    await settlement.write.proposeCoordinator([candidate]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.registerMember([candidate]),
      settlement,
      "CoCoGenSettlementCoordinatorIsMember",
      [candidate],
    );
    await networkHelpers.time.increase(ABSENCE_TIMEOUT + 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.voteReplaceCoordinator([members[1]], { account: members[0] }),
      settlement,
      "CoCoGenSettlementCoordinatorIsMember",
      [members[1]],
    );
    assert.equal(await settlement.read.memberCount(), 3n);
    assert.equal(await settlement.read.coordinator(), coordinator);
    assert.equal(await settlement.read.bondOf([members[0]]), MIN_BOND);
  });
});

// Every function, revert and event of CoCoGenSettlement v2 against Hardhat's in-process EDR chain.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { network } from "hardhat";
import { getAddress, keccak256, encodePacked, parseEther, zeroAddress, type Address } from "viem";

import { bondsOf, committed, configuredSettlement, deploySettlement, open, type Connection } from "../support/deployment.ts";
import {
  ABSENCE_TIMEOUT,
  CHALLENGE_WINDOW,
  COMMIT_TIMEOUT,
  COORDINATOR_BOND,
  DEBIT_CAP,
  evidenceRoot,
  GAMMA,
  MIN_BOND,
  Mode,
  referenceNet,
  RoundStatus,
  seedHash,
  STAKE,
  WAD,
  WEI_PER_UNIT,
} from "../support/settlement.ts";

const connection: Connection = await network.create();
const { viem, networkHelpers } = connection;
const wallets = await viem.getWalletClients();
const coordinator = getAddress(wallets[0].account.address);
const stranger = wallets[19].account;
const strangerAddress = getAddress(stranger.address);
const publicClient = await viem.getPublicClient();

const fourMembers = () => configuredSettlement(connection, 4);
const X = [3n * WAD, -WAD / 3n, 7n * WAD + 11n, 0n];
const ALL = [true, true, true, true];

async function roundOpen() {
  const c = await configuredSettlement(connection, 4);
  await open(c.settlement, 1);
  return c;
}

async function roundCommitted() {
  const c = await configuredSettlement(connection, 4);
  await committed(c.settlement, 1, X);
  return c;
}

describe("CoCoGenSettlement v2: deployment and the rule", () => {
  it("stores the settings, makes the deployer coordinator and emits CoordinatorChanged", async () => {
    const settlement = await deploySettlement(connection);
    assert.equal(await settlement.read.coordinator(), coordinator);
    assert.equal(await settlement.read.weiPerUnit(), WEI_PER_UNIT);
    assert.equal(await settlement.read.commitTimeout(), COMMIT_TIMEOUT);
    assert.equal(await settlement.read.challengeWindow(), CHALLENGE_WINDOW);
    assert.equal(await settlement.read.absenceTimeout(), ABSENCE_TIMEOUT);
    assert.equal(await settlement.read.MAX_MEMBERS(), 64n);
    const events = await settlement.getEvents.CoordinatorChanged({}, { fromBlock: 0n });
    assert.equal(events.length, 1);
    assert.equal(events[0].args.previous, zeroAddress);
    assert.equal(events[0].args.current, coordinator);
  });

  it("rejects a bad conversion and bad timeouts (zero, over a year, absence shorter than a round)", async () => {
    const probe = await deploySettlement(connection);
    const max = await probe.read.MAX_WEI_PER_UNIT();
    await viem.assertions.revertWithCustomErrorWithArgs(
      viem.deployContract("CoCoGenSettlement", [0n, 1n, 1n, 2n]),
      probe,
      "CoCoGenSettlementInvalidWeiPerUnit",
      [0n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      viem.deployContract("CoCoGenSettlement", [max + 1n, 1n, 1n, 2n]),
      probe,
      "CoCoGenSettlementInvalidWeiPerUnit",
      [max + 1n],
    );
    const year = 365n * 86400n;
    for (const [commit, window, absence] of [
      [0n, 1n, 2n],
      [1n, 0n, 2n],
      [1n, 1n, 1n],
      [year + 1n, 1n, year + 2n],
      [1n, 1n, year + 1n],
    ]) {
      await viem.assertions.revertWithCustomErrorWithArgs(
        viem.deployContract("CoCoGenSettlement", [WEI_PER_UNIT, commit, window, absence]),
        probe,
        "CoCoGenSettlementInvalidTimeouts",
        [commit, window, absence],
      );
    }
    const shortest = await viem.deployContract("CoCoGenSettlement", [max, 1n, 1n, 2n]);
    assert.equal(await shortest.read.absenceTimeout(), 2n);
  });

  it("sets rho, gamma and limits with events; only the coordinator, only between rounds, within bounds", async () => {
    const settlement = await deploySettlement(connection);
    const a = getAddress(wallets[1].account.address);
    const b = getAddress(wallets[2].account.address);
    await viem.assertions.emitWithArgs(settlement.write.registerMember([a]), settlement, "MemberRegistered", [a, 0n]);
    await settlement.write.registerMember([b]);
    const rho = [0n, WAD / 2n, WAD / 2n, 0n];
    await viem.assertions.emitWithArgs(settlement.write.setCompetition([rho]), settlement, "CompetitionSet", [
      2n,
      keccak256(encodePacked(["uint256[]"], [rho])),
    ]);
    assert.equal(await settlement.read.rhoWad([1n, 0n]), WAD / 2n);
    for (const [bad, error, args] of [
      [[0n, 1n, 1n], "CoCoGenSettlementCompetitionLength", [4n, 3n]],
      [[1n, 0n, 0n, 0n], "CoCoGenSettlementCompetitionDiagonal", [0n, 1n]],
      [[0n, 1n, 2n, 0n], "CoCoGenSettlementCompetitionAsymmetric", [0n, 1n, 1n, 2n]],
      [[0n, WAD + 1n, WAD + 1n, 0n], "CoCoGenSettlementCompetitionAboveOne", [0n, 1n, WAD + 1n]],
    ] as const) {
      await viem.assertions.revertWithCustomErrorWithArgs(settlement.write.setCompetition([[...bad]]), settlement, error, [...args]);
    }
    await viem.assertions.emitWithArgs(settlement.write.setGamma([GAMMA, WAD]), settlement, "GammaSet", [GAMMA, WAD]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setGamma([WAD + 1n, WAD]),
      settlement,
      "CoCoGenSettlementGammaAboveRemark1",
      [WAD + 1n, WAD],
    );
    const maxGamma = await settlement.read.MAX_GAMMA_WAD();
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setGamma([maxGamma + 1n, maxGamma + 1n]),
      settlement,
      "CoCoGenSettlementGammaTooLarge",
      [maxGamma + 1n, maxGamma],
    );
    for (const limits of [
      [DEBIT_CAP + STAKE - 1n, DEBIT_CAP, STAKE, COORDINATOR_BOND],
      [MIN_BOND, 0n, STAKE, COORDINATOR_BOND],
      [MIN_BOND, DEBIT_CAP, 0n, COORDINATOR_BOND],
      [MIN_BOND, DEBIT_CAP, STAKE, 0n],
      [10n ** 60n, 10n ** 54n + 1n, STAKE, COORDINATOR_BOND],
    ] as const) {
      await viem.assertions.revertWithCustomErrorWithArgs(
        settlement.write.setLimits([...limits]),
        settlement,
        "CoCoGenSettlementInvalidLimits",
        [...limits],
      );
    }
    await viem.assertions.emitWithArgs(
      settlement.write.setLimits([MIN_BOND, DEBIT_CAP, STAKE, COORDINATOR_BOND]),
      settlement,
      "LimitsSet",
      [MIN_BOND, DEBIT_CAP, STAKE, COORDINATOR_BOND],
    );
    for (const call of [
      settlement.write.registerMember([strangerAddress], { account: stranger }),
      settlement.write.setCompetition([rho], { account: stranger }),
      settlement.write.setGamma([0n, 0n], { account: stranger }),
      settlement.write.setLimits([MIN_BOND, DEBIT_CAP, STAKE, COORDINATOR_BOND], { account: stranger }),
      settlement.write.proposeCoordinator([strangerAddress], { account: stranger }),
      settlement.write.openRound([1n, seedHash(1), Mode.PairRule], { account: stranger }),
    ]) {
      await viem.assertions.revertWithCustomErrorWithArgs(call, settlement, "CoCoGenSettlementNotCoordinator", [strangerAddress]);
    }
  });

  it("freezes membership and the rule during a round and gives a rule change one window's notice", async () => {
    const { settlement } = await networkHelpers.loadFixture(roundOpen);
    for (const call of [
      settlement.write.registerMember([strangerAddress]),
      settlement.write.setCompetition([[]]),
      settlement.write.setGamma([0n, 0n]),
      settlement.write.setLimits([MIN_BOND, DEBIT_CAP, STAKE, COORDINATOR_BOND]),
      settlement.write.openRound([2n, seedHash(2), Mode.PairRule]),
    ]) {
      await viem.assertions.revertWithCustomErrorWithArgs(call, settlement, "CoCoGenSettlementRoundActive", [1n]);
    }
    const fresh = await configuredSettlement(connection, 2, { base: 0xd0d0_0000 });
    await fresh.settlement.write.setGamma([GAMMA, WAD]);
    const changedAt = await fresh.settlement.read.ruleChangedAt();
    await viem.assertions.revertWithCustomErrorWithArgs(
      open(fresh.settlement, 1),
      fresh.settlement,
      "CoCoGenSettlementRuleNotice",
      [changedAt + CHALLENGE_WINDOW],
    );
    await networkHelpers.time.setNextBlockTimestamp(changedAt + CHALLENGE_WINDOW);
    await open(fresh.settlement, 1);
    assert.equal(await fresh.settlement.read.roundStatus([1n]), RoundStatus.Open);
  });

  it("registers at most MAX_MEMBERS, each once, never zero", async () => {
    const settlement = await deploySettlement(connection);
    await viem.assertions.revertWithCustomError(settlement.write.registerMember([zeroAddress]), settlement, "CoCoGenSettlementZeroAddress");
    for (let i = 1; i <= 64; i++) {
      await settlement.write.registerMember([getAddress(`0x${(0x1000 + i).toString(16).padStart(40, "0")}`)]);
    }
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.registerMember([strangerAddress]),
      settlement,
      "CoCoGenSettlementTooManyMembers",
      [64n],
    );
    const first = getAddress(`0x${(0x1001).toString(16).padStart(40, "0")}`);
    const other = await deploySettlement(connection);
    await other.write.registerMember([first]);
    await viem.assertions.revertWithCustomErrorWithArgs(other.write.registerMember([first]), other, "CoCoGenSettlementAlreadyMember", [first]);
    assert.equal(await other.read.memberAt([0n]), first);
    await viem.assertions.revertWithCustomErrorWithArgs(other.read.memberAt([1n]), other, "CoCoGenSettlementMemberIndexOutOfRange", [1n, 1n]);
    await viem.assertions.revertWithCustomErrorWithArgs(other.read.rhoWad([0n, 1n]), other, "CoCoGenSettlementMemberIndexOutOfRange", [1n, 1n]);
  });
});

describe("CoCoGenSettlement v2: bonds", () => {
  it("takes deposits from members and the coordinator only, with events; refuses zero", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(fourMembers);
    await viem.assertions.emitWithArgs(
      settlement.write.depositSubmit({ account: members[0], value: 5n }),
      settlement,
      "BondDeposited",
      [members[0], 5n, MIN_BOND + 5n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.depositSubmit({ account: stranger, value: 1n }),
      settlement,
      "CoCoGenSettlementNotBondHolder",
      [strangerAddress],
    );
    await viem.assertions.revertWithCustomError(
      settlement.write.depositSubmit({ account: members[0], value: 0n }),
      settlement,
      "CoCoGenSettlementZeroDeposit",
    );
    assert.equal(await settlement.read.totalDeposited(), MIN_BOND * 4n + COORDINATOR_BOND * 3n + 5n);
  });

  it("locks the round's members and coordinator only, until the round ends; withdraw pays by pull", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(roundOpen);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.withdraw([1n], { account: members[0] }),
      settlement,
      "CoCoGenSettlementBondsLocked",
      [members[0], 1n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(settlement.write.withdraw([1n]), settlement, "CoCoGenSettlementBondsLocked", [coordinator, 1n]);
    assert.equal(await settlement.read.isLocked([members[0]]), true);
    assert.equal(await settlement.read.isLocked([strangerAddress]), false);
    await viem.assertions.revertWithCustomError(settlement.write.withdraw([0n], { account: stranger }), settlement, "CoCoGenSettlementZeroWithdrawal");
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.withdraw([1n], { account: stranger }),
      settlement,
      "CoCoGenSettlementInsufficientBond",
      [strangerAddress, 0n, 1n],
    );
    // Deposits stay open mid-round (top-ups).
    await settlement.write.depositSubmit({ account: members[0], value: 1n });
    await settlement.write.commitContributions([1n, X, evidenceRoot(1)]);
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    await settlement.write.settleRound([1n]);
    const bond = await settlement.read.bondOf([members[0]]);
    await viem.assertions.emitWithArgs(settlement.write.withdraw([bond], { account: members[0] }), settlement, "Withdrawn", [members[0], bond, 0n]);
    const balance = await publicClient.getBalance({ address: settlement.address });
    const bonds = await bondsOf(settlement, [...members, coordinator]);
    assert.equal(balance, bonds.reduce((a, b) => a + b, 0n));
    assert.equal(await settlement.read.totalWithdrawn(), bond);
  });

  it("re-entry into withdraw fails and the attacker receives only its own withdrawal; a refused payment changes nothing", async () => {
    const settlement = await deploySettlement(connection);
    const attacker = await viem.deployContract("ReentrantWithdrawer", [settlement.address]);
    await settlement.write.registerMember([attacker.address]);
    await attacker.write.deposit({ value: parseEther("2") });
    await attacker.write.withdraw([parseEther("1")]);
    assert.equal(await settlement.read.bondOf([attacker.address]), parseEther("1"));
    assert.equal(await publicClient.getBalance({ address: attacker.address }), parseEther("1"));
    assert.equal(await attacker.read.reentrySuccesses(), 0n);
    assert.ok((await attacker.read.reentryAttempts()) > 0n);
    await attacker.write.setMode([1]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      attacker.write.withdraw([parseEther("1")]),
      settlement,
      "CoCoGenSettlementTransferFailed",
      [getAddress(attacker.address), parseEther("1")],
    );
    assert.equal(await settlement.read.bondOf([attacker.address]), parseEther("1"));
  });

  it("lets a member exit at any time, once; it cannot deposit afterwards", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(roundOpen);
    await viem.assertions.emitWithArgs(settlement.write.exitMembership({ account: members[1] }), settlement, "MemberExited", [
      members[1],
      1n,
      MIN_BOND,
    ]);
    assert.equal(await settlement.read.isMember([members[1]]), false);
    // Still in round 1 until it ends.
    assert.equal(await settlement.read.isLocked([members[1]]), true);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.exitMembership({ account: members[1] }),
      settlement,
      "CoCoGenSettlementNotMember",
      [members[1]],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.depositSubmit({ account: members[1], value: 1n }),
      settlement,
      "CoCoGenSettlementNotBondHolder",
      [members[1]],
    );
  });
});

describe("CoCoGenSettlement v2: rounds", () => {
  it("opens in sequence with the seed hash and mode, enrolling members at the minimum bond", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(fourMembers);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.openRound([2n, seedHash(2), Mode.PairRule]),
      settlement,
      "CoCoGenSettlementUnexpectedRound",
      [2n, 1n],
    );
    const block = await publicClient.getBlock();
    await networkHelpers.time.setNextBlockTimestamp(block.timestamp + 10n);
    await viem.assertions.emitWithArgs(open(settlement, 1, Mode.NetVector), settlement, "RoundOpened", [
      1n,
      Mode.NetVector,
      seedHash(1),
      block.timestamp + 10n + COMMIT_TIMEOUT,
      0b1111n,
      4n,
    ]);
    const [status, mode, commitDeadline, challengeDeadline, activeMask, , , seed] = await settlement.read.roundInfo([1n]);
    assert.deepEqual([status, mode, commitDeadline, challengeDeadline, activeMask, seed], [
      RoundStatus.Open,
      Mode.NetVector,
      block.timestamp + 10n + COMMIT_TIMEOUT,
      0n,
      0b1111n,
      seedHash(1),
    ]);
    assert.equal(await settlement.read.lastRound(), 1n);
    assert.equal(await settlement.read.activeRound(), 1n);
    assert.equal(members.length, 4);
  });

  it("refuses to open without limits, without the coordinator's bond, or with no member at the minimum", async () => {
    const settlement = await deploySettlement(connection);
    await viem.assertions.revertWithCustomError(open(settlement, 1), settlement, "CoCoGenSettlementLimitsNotSet");
    await settlement.write.setLimits([MIN_BOND, DEBIT_CAP, STAKE, COORDINATOR_BOND]);
    await networkHelpers.time.increase(CHALLENGE_WINDOW);
    await viem.assertions.revertWithCustomErrorWithArgs(
      open(settlement, 1),
      settlement,
      "CoCoGenSettlementCoordinatorBondTooLow",
      [0n, COORDINATOR_BOND],
    );
    await settlement.write.depositSubmit({ value: COORDINATOR_BOND });
    await viem.assertions.revertWithCustomError(open(settlement, 1), settlement, "CoCoGenSettlementNoActiveMembers");
  });

  it("commits contributions with the evidence root and opens the window; checks shape, range, mode and caller", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(roundOpen);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitContributions([1n, X, evidenceRoot(1)], { account: members[0] }),
      settlement,
      "CoCoGenSettlementNotCoordinator",
      [members[0]],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitContributions([1n, X.slice(1), evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementValuesLength",
      [4n, 3n],
    );
    const max = await settlement.read.MAX_ABS_CONTRIBUTION_WAD();
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitContributions([1n, [0n, -max - 1n, 0n, 0n], evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementContributionOutOfRange",
      [members[1], -max - 1n, max],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitNet([1n, [0n, 0n, 0n, 0n], evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementWrongMode",
      [1n, Mode.PairRule],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitContributions([2n, X, evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementWrongStatus",
      [2n, RoundStatus.None],
    );
    const block = await publicClient.getBlock();
    await networkHelpers.time.setNextBlockTimestamp(block.timestamp + 5n);
    await viem.assertions.emitWithArgs(
      settlement.write.commitContributions([1n, X, evidenceRoot(1)]),
      settlement,
      "RoundCommitted",
      [1n, evidenceRoot(1), X, block.timestamp + 5n + CHALLENGE_WINDOW],
    );
    assert.deepEqual([...(await settlement.read.committedValues([1n]))], X);
    const [status, , , , , , , , root] = await settlement.read.roundInfo([1n]);
    assert.equal(status, RoundStatus.Committed);
    assert.equal(root, evidenceRoot(1));
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitContributions([1n, X, evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementWrongStatus",
      [1n, RoundStatus.Committed],
    );
  });

  it("refuses a non-zero value for a member outside the round", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(fourMembers);
    await settlement.write.withdraw([1n], { account: members[3] });
    await open(settlement, 1);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitContributions([1n, [0n, 0n, 0n, 1n], evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementValueOutsideRound",
      [1n, members[3], 1n],
    );
  });

  it("accepts a commitment up to its deadline second, and lets anyone abandon it after (coordinator slashed)", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(roundOpen);
    const [, , commitDeadline] = await settlement.read.roundInfo([1n]);
    await networkHelpers.time.setNextBlockTimestamp(commitDeadline);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.abandonRound([1n], { account: stranger }),
      settlement,
      "CoCoGenSettlementCommitDeadlineNotPassed",
      [1n, commitDeadline],
    );
    await networkHelpers.time.setNextBlockTimestamp(commitDeadline + 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitContributions([1n, X, evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementCommitDeadlinePassed",
      [1n, commitDeadline],
    );
    const share = COORDINATOR_BOND / 4n;
    await viem.assertions.emitWithArgs(settlement.write.abandonRound([1n], { account: stranger }), settlement, "CoordinatorSlashed", [
      1n,
      coordinator,
      share * 4n,
      share,
    ]);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Abandoned);
    assert.deepEqual(await bondsOf(settlement, members), members.map(() => MIN_BOND + share));
    assert.equal(await settlement.read.bondOf([coordinator]), COORDINATOR_BOND * 3n - share * 4n);
    await settlement.write.withdraw([MIN_BOND], { account: members[0] });
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.abandonRound([1n]),
      settlement,
      "CoCoGenSettlementWrongStatus",
      [1n, RoundStatus.Abandoned],
    );
  });

  it("commits at exactly the commit deadline", async () => {
    const { settlement } = await networkHelpers.loadFixture(roundOpen);
    const [, , commitDeadline] = await settlement.read.roundInfo([1n]);
    await networkHelpers.time.setNextBlockTimestamp(commitDeadline);
    await settlement.write.commitContributions([1n, X, evidenceRoot(1)]);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Committed);
  });

  it("settles the pair rule exactly (payoffCalculate = reference), with events, by anyone after the window", async () => {
    const { settlement, members, rho } = await networkHelpers.loadFixture(roundCommitted);
    const net = referenceNet(X, ALL, rho, GAMMA, WEI_PER_UNIT, DEBIT_CAP);
    assert.deepEqual([...(await settlement.read.payoffCalculate([1n]))], net);
    await viem.assertions.revertWithCustomError(settlement.write.settleRound([1n]), settlement, "CoCoGenSettlementChallengeWindowOpen");
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    await viem.assertions.emitWithArgs(settlement.write.settleRound([1n], { account: stranger }), settlement, "RoundSettled", [
      1n,
      strangerAddress,
      keccak256(encodePacked(["int256[]"], [net])),
    ]);
    const events = await settlement.getEvents.PayoffTransferred({ round: 1n }, { fromBlock: 0n });
    assert.deepEqual(
      events.map((e) => [e.args.member, e.args.netWei, e.args.bondWei]),
      members.map((m, i) => [m, net[i], MIN_BOND + net[i]]),
    );
    assert.deepEqual(await bondsOf(settlement, members), net.map((e) => MIN_BOND + e));
    await viem.assertions.revertWithCustomErrorWithArgs(settlement.write.settleRound([1n]), settlement, "CoCoGenSettlementWrongStatus", [
      1n,
      RoundStatus.Settled,
    ]);
    await viem.assertions.revertWithCustomErrorWithArgs(settlement.read.payoffCalculate([1n]), settlement, "CoCoGenSettlementWrongStatus", [
      1n,
      RoundStatus.Settled,
    ]);
  });

  it("caps every member's debit per round at debitCap, keeping the sum at 0 wei", async () => {
    const { settlement, members, rho } = await networkHelpers.loadFixture(fourMembers);
    const huge = [10n ** 9n * WAD, 0n, -(10n ** 9n) * WAD, 5n * WAD];
    await committed(settlement, 1, huge);
    const net = referenceNet(huge, ALL, rho, GAMMA, WEI_PER_UNIT, DEBIT_CAP);
    assert.deepEqual([...(await settlement.read.payoffCalculate([1n]))], net);
    assert.ok(net.every((e) => e >= -DEBIT_CAP));
    assert.equal(net[2], -(DEBIT_CAP / 3n) * 3n, "the largest payer pays the cap (to the wei of floor(cap/3) per pair)");
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    await settlement.write.settleRound([1n]);
    const bonds = await bondsOf(settlement, members);
    assert.deepEqual(bonds, net.map((e) => MIN_BOND + e));
    assert.equal(bonds.reduce((a, b) => a + b, 0n), MIN_BOND * 4n);
  });

  it("settles early once acceptances leave no rejecting majority possible, not before", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(roundCommitted);
    await viem.assertions.emitWithArgs(settlement.write.acceptCommitment([1n], { account: members[0] }), settlement, "RoundAccepted", [
      1n,
      members[0],
      1n,
    ]);
    await viem.assertions.revertWithCustomError(settlement.write.settleRound([1n]), settlement, "CoCoGenSettlementChallengeWindowOpen");
    await settlement.write.acceptCommitment([1n], { account: members[1] });
    // 2 of 4 accepted: the other 2 are not a strict majority of 4.
    await settlement.write.settleRound([1n]);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Settled);
  });

  it("takes one vote per round member within the window", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(roundCommitted);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.rejectCommitment([1n], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotInRound",
      [1n, strangerAddress],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.acceptCommitment([1n], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotInRound",
      [1n, strangerAddress],
    );
    await viem.assertions.emitWithArgs(settlement.write.rejectCommitment([1n], { account: members[0] }), settlement, "RoundChallenged", [
      1n,
      members[0],
      STAKE,
      1n,
      3n,
    ]);
    assert.equal(await settlement.read.bondOf([members[0]]), MIN_BOND - STAKE);
    for (const call of [
      settlement.write.rejectCommitment([1n], { account: members[0] }),
      settlement.write.acceptCommitment([1n], { account: members[0] }),
    ]) {
      await viem.assertions.revertWithCustomErrorWithArgs(call, settlement, "CoCoGenSettlementAlreadyVoted", [1n, members[0]]);
    }
    const [, , , challengeDeadline] = await settlement.read.roundInfo([1n]);
    // The window's last second still takes votes.
    await networkHelpers.time.setNextBlockTimestamp(challengeDeadline);
    await viem.assertions.emitWithArgs(settlement.write.rejectCommitment([1n], { account: members[2] }), settlement, "RoundChallenged", [
      1n,
      members[2],
      STAKE,
      2n,
      3n,
    ]);
    await networkHelpers.time.setNextBlockTimestamp(challengeDeadline + 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.rejectCommitment([1n], { account: members[1] }),
      settlement,
      "CoCoGenSettlementChallengeWindowClosed",
      [1n, challengeDeadline],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.rejectCommitment([2n], { account: members[1] }),
      settlement,
      "CoCoGenSettlementWrongStatus",
      [2n, RoundStatus.None],
    );
  });

  it("settles a net vector exactly; refuses a non-zero sum, a debit above the cap and an entry out of range", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(fourMembers);
    await open(settlement, 1, Mode.NetVector);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitNet([1n, [1n, 0n, 0n, 0n], evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementNetSumNonZero",
      [1n, 1n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitNet([1n, [-DEBIT_CAP - 1n, DEBIT_CAP + 1n, 0n, 0n], evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementDebitAboveCap",
      [members[0], DEBIT_CAP + 1n, DEBIT_CAP],
    );
    const max = await settlement.read.MAX_ABS_NET_WEI();
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitNet([1n, [0n, max + 1n, 0n, 0n], evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementNetOutOfRange",
      [members[1], max + 1n, max],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.commitContributions([1n, X, evidenceRoot(1)]),
      settlement,
      "CoCoGenSettlementWrongMode",
      [1n, Mode.NetVector],
    );
    const net = [-DEBIT_CAP, 3n, DEBIT_CAP - 10n, 7n];
    await settlement.write.commitNet([1n, net, evidenceRoot(1)]);
    assert.deepEqual([...(await settlement.read.payoffCalculate([1n]))], net);
    await networkHelpers.time.increase(CHALLENGE_WINDOW + 1n);
    await settlement.write.settleRound([1n]);
    assert.deepEqual(await bondsOf(settlement, members), net.map((e) => MIN_BOND + e));
  });
});

describe("CoCoGenSettlement v2: the coordinator role", () => {
  it("hands over in two steps with events, only between rounds, never to a member or zero", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(roundOpen);
    const next = getAddress(wallets[18].account.address);
    await viem.assertions.revertWithCustomError(settlement.write.proposeCoordinator([zeroAddress]), settlement, "CoCoGenSettlementZeroAddress");
    await viem.assertions.emitWithArgs(settlement.write.proposeCoordinator([next]), settlement, "CoordinatorProposed", [coordinator, next]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.acceptCoordinator({ account: wallets[18].account }),
      settlement,
      "CoCoGenSettlementRoundActive",
      [1n],
    );
    await networkHelpers.time.increase(COMMIT_TIMEOUT + 1n);
    await settlement.write.abandonRound([1n]);
    await viem.assertions.emitWithArgs(settlement.write.acceptCoordinator({ account: wallets[18].account }), settlement, "CoordinatorChanged", [
      coordinator,
      next,
    ]);
    assert.equal(await settlement.read.coordinator(), next);
    assert.equal(await settlement.read.pendingCoordinator(), zeroAddress);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.registerMember([next], { account: wallets[18].account }),
      settlement,
      "CoCoGenSettlementCoordinatorIsMember",
      [next],
    );
    assert.equal(members.length, 4);
  });

  it("lets members vote out a coordinator only after absenceTimeout without a round; stale votes do not count", async () => {
    const { settlement, members } = await networkHelpers.loadFixture(fourMembers);
    const next = getAddress(wallets[18].account.address);
    const activeAt = await settlement.read.coordinatorActiveAt();
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.voteReplaceCoordinator([next], { account: members[0] }),
      settlement,
      "CoCoGenSettlementCoordinatorNotAbsent",
      [activeAt, activeAt + ABSENCE_TIMEOUT],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.voteReplaceCoordinator([next], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotMember",
      [strangerAddress],
    );
    await networkHelpers.time.setNextBlockTimestamp(activeAt + ABSENCE_TIMEOUT + 1n);
    await viem.assertions.emitWithArgs(
      settlement.write.voteReplaceCoordinator([next], { account: members[0] }),
      settlement,
      "CoordinatorReplacementVoted",
      [members[0], next, 1n, 3n],
    );
    await settlement.write.voteReplaceCoordinator([next], { account: members[1] });
    // The coordinator returns and opens a round: the two votes so far become stale.
    await open(settlement, 1);
    await networkHelpers.time.increase(COMMIT_TIMEOUT + 1n);
    await settlement.write.abandonRound([1n]);
    const back = await settlement.read.coordinatorActiveAt();
    await networkHelpers.time.setNextBlockTimestamp(back + ABSENCE_TIMEOUT + 1n);
    await viem.assertions.emitWithArgs(
      settlement.write.voteReplaceCoordinator([next], { account: members[2] }),
      settlement,
      "CoordinatorReplacementVoted",
      [members[2], next, 1n, 3n],
    );
    assert.equal(await settlement.read.pendingCoordinator(), zeroAddress);
    await settlement.write.voteReplaceCoordinator([next], { account: members[0] });
    await viem.assertions.emitWithArgs(
      settlement.write.voteReplaceCoordinator([next], { account: members[1] }),
      settlement,
      "CoordinatorProposed",
      [members[1], next],
    );
    assert.equal(await settlement.read.pendingCoordinator(), next);
  });
});

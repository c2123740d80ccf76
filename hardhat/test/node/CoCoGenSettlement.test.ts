// Every function, revert and event of CoCoGenSettlement against Hardhat's in-process EDR chain.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { network } from "hardhat";
import { getAddress, parseEther, zeroAddress, zeroHash, type Address } from "viem";

import {
  profile,
  profileHash,
  referenceNet,
  RoundStatus,
  symmetricRho,
  WAD,
  WEI_PER_UNIT,
  WINDOW,
  type Profile,
} from "../support/settlement.ts";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const coordinatorWallet = wallets[0];
const memberWallets = wallets.slice(1, 5);
const members = memberWallets.map((w) => getAddress(w.account.address));
const stranger = wallets[10].account;
const BOND = parseEther("10");
const GAMMA = WAD / 2n;
const PHI_MIN = WAD;
// Normalised intensities for four members: distinct per pair so a mixed-up index shows.
const RHO4 = symmetricRho(4, (i, j) => (WAD * BigInt(1 + i + 2 * j)) / 12n);

async function deploy() {
  return viem.deployContract("CoCoGenSettlement", [WEI_PER_UNIT, WINDOW]);
}

/** Four registered, bonded members with rho and gamma set; no round yet. */
async function configured() {
  const settlement = await deploy();
  for (const m of members) await settlement.write.registerMember([m]);
  await settlement.write.setCompetition([RHO4]);
  await settlement.write.setGamma([GAMMA, PHI_MIN]);
  for (const w of memberWallets) await settlement.write.depositSubmit({ account: w.account, value: BOND });
  return settlement;
}

/** Round 1 open on the configured contract. */
async function roundOpen() {
  const settlement = await configured();
  await settlement.write.openRound([1n]);
  return settlement;
}

type Settlement = Awaited<ReturnType<typeof deploy>>;

async function submitAndRecord(settlement: Settlement, round: number, x: bigint[], salt = 0): Promise<Profile[]> {
  const profiles = x.map((xi, i) => profile(i, round, xi, salt));
  for (let i = 0; i < x.length; i++) {
    await settlement.write.profileRecord([BigInt(round), members[i], profiles[i]]);
    await settlement.write.contributionSubmit([BigInt(round), profiles[i]], { account: memberWallets[i].account });
  }
  return profiles;
}

const X = [3n * WAD, -WAD / 3n, 7n * WAD + 11n, 0n];

/** Round 1 closed by the coordinator after all four submitted X. */
async function roundClosed() {
  const settlement = await roundOpen();
  await submitAndRecord(settlement, 1, X);
  await settlement.write.closeRound([1n]);
  return settlement;
}

async function bonds(settlement: Settlement): Promise<bigint[]> {
  return Promise.all(members.map((m) => settlement.read.bondOf([m])));
}

describe("CoCoGenSettlement: deployment and coordinator", () => {
  it("makes the deployer coordinator, stores the immutables and emits CoordinatorChanged", async () => {
    const settlement = await deploy();
    assert.equal(await settlement.read.coordinator(), getAddress(coordinatorWallet.account.address));
    assert.equal(await settlement.read.weiPerUnit(), WEI_PER_UNIT);
    assert.equal(await settlement.read.submissionWindow(), WINDOW);
    assert.equal(await settlement.read.MAX_MEMBERS(), 64n);
    assert.equal(await settlement.read.lastRound(), 0n);
    assert.equal(await settlement.read.activeRound(), 0n);
    const events = await settlement.getEvents.CoordinatorChanged({}, { fromBlock: 0n });
    assert.equal(events.length, 1);
    assert.equal(events[0].args.previous, zeroAddress);
    assert.equal(events[0].args.current, getAddress(coordinatorWallet.account.address));
  });

  it("rejects a zero or too large conversion and a zero or over-a-year window; accepts the bounds", async () => {
    const probe = await deploy();
    const max = await probe.read.MAX_WEI_PER_UNIT();
    await viem.assertions.revertWithCustomErrorWithArgs(
      viem.deployContract("CoCoGenSettlement", [0n, WINDOW]),
      probe,
      "CoCoGenSettlementInvalidWeiPerUnit",
      [0n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      viem.deployContract("CoCoGenSettlement", [max + 1n, WINDOW]),
      probe,
      "CoCoGenSettlementInvalidWeiPerUnit",
      [max + 1n],
    );
    await viem.assertions.revertWithCustomError(
      viem.deployContract("CoCoGenSettlement", [WEI_PER_UNIT, 0n]),
      probe,
      "CoCoGenSettlementInvalidSubmissionWindow",
    );
    await viem.assertions.revertWithCustomError(
      viem.deployContract("CoCoGenSettlement", [WEI_PER_UNIT, 365n * 86400n + 1n]),
      probe,
      "CoCoGenSettlementInvalidSubmissionWindow",
    );
    const longest = await viem.deployContract("CoCoGenSettlement", [max, 365n * 86400n]);
    assert.equal(await longest.read.submissionWindow(), 365n * 86400n);
  });

  it("transfers the coordinator role with an event; only the coordinator, never to zero, not mid-round", async () => {
    const settlement = await networkHelpers.loadFixture(roundOpen);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.transferCoordinator([members[0]]),
      settlement,
      "CoCoGenSettlementRoundActive",
      [1n],
    );
    const fresh = await deploy();
    await viem.assertions.revertWithCustomErrorWithArgs(
      fresh.write.transferCoordinator([members[0]], { account: stranger }),
      fresh,
      "CoCoGenSettlementNotCoordinator",
      [getAddress(stranger.address)],
    );
    await viem.assertions.revertWithCustomError(
      fresh.write.transferCoordinator([zeroAddress]),
      fresh,
      "CoCoGenSettlementZeroAddress",
    );
    await viem.assertions.emitWithArgs(fresh.write.transferCoordinator([members[0]]), fresh, "CoordinatorChanged", [
      getAddress(coordinatorWallet.account.address),
      members[0],
    ]);
    assert.equal(await fresh.read.coordinator(), members[0]);
    await viem.assertions.revertWithCustomError(
      fresh.write.registerMember([members[1]]),
      fresh,
      "CoCoGenSettlementNotCoordinator",
    );
  });
});

describe("CoCoGenSettlement: membership", () => {
  it("registers members in order with MemberRegistered and exposes them", async () => {
    const settlement = await deploy();
    for (let i = 0; i < members.length; i++) {
      await viem.assertions.emitWithArgs(settlement.write.registerMember([members[i]]), settlement, "MemberRegistered", [
        members[i],
        BigInt(i),
      ]);
    }
    assert.equal(await settlement.read.memberCount(), BigInt(members.length));
    for (let i = 0; i < members.length; i++) assert.equal(await settlement.read.memberAt([BigInt(i)]), members[i]);
    assert.equal(await settlement.read.isMember([members[2]]), true);
    assert.equal(await settlement.read.isMember([stranger.address]), false);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.read.memberAt([4n]),
      settlement,
      "CoCoGenSettlementMemberIndexOutOfRange",
      [4n, 4n],
    );
  });

  it("rejects registration by others, of zero, twice, mid-round and beyond MAX_MEMBERS", async () => {
    const settlement = await deploy();
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.registerMember([members[0]], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotCoordinator",
      [getAddress(stranger.address)],
    );
    await viem.assertions.revertWithCustomError(
      settlement.write.registerMember([zeroAddress]),
      settlement,
      "CoCoGenSettlementZeroAddress",
    );
    await settlement.write.registerMember([members[0]]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.registerMember([members[0]]),
      settlement,
      "CoCoGenSettlementAlreadyMember",
      [members[0]],
    );
    await settlement.write.openRound([1n]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.registerMember([members[1]]),
      settlement,
      "CoCoGenSettlementRoundActive",
      [1n],
    );

    const full = await deploy();
    for (let i = 1; i <= 64; i++) {
      await full.write.registerMember([getAddress(`0x${(0x1000 + i).toString(16).padStart(40, "0")}`)]);
    }
    assert.equal(await full.read.memberCount(), 64n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      full.write.registerMember([members[0]]),
      full,
      "CoCoGenSettlementTooManyMembers",
      [64n],
    );
  });

  it("lets a member exit with MemberExited; it keeps its bond, cannot deposit, rejoin or exit again", async () => {
    const settlement = await networkHelpers.loadFixture(configured);
    await viem.assertions.emitWithArgs(
      settlement.write.exitMembership({ account: memberWallets[1].account }),
      settlement,
      "MemberExited",
      [members[1], 1n, BOND],
    );
    assert.equal(await settlement.read.isMember([members[1]]), false);
    assert.equal(await settlement.read.bondOf([members[1]]), BOND);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.exitMembership({ account: memberWallets[1].account }),
      settlement,
      "CoCoGenSettlementNotMember",
      [members[1]],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.exitMembership({ account: stranger }),
      settlement,
      "CoCoGenSettlementNotMember",
      [getAddress(stranger.address)],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.depositSubmit({ account: memberWallets[1].account, value: 1n }),
      settlement,
      "CoCoGenSettlementNotMember",
      [members[1]],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.registerMember([members[1]]),
      settlement,
      "CoCoGenSettlementAlreadyMember",
      [members[1]],
    );
  });

  it("rejects exit while a round is active and leaves exited members out of later rounds", async () => {
    const settlement = await networkHelpers.loadFixture(configured);
    await settlement.write.exitMembership({ account: memberWallets[3].account });
    await settlement.write.openRound([1n]);
    const [activeMask] = await settlement.read.roundMembers([1n]);
    assert.equal(activeMask, 0b0111n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.exitMembership({ account: memberWallets[0].account }),
      settlement,
      "CoCoGenSettlementRoundActive",
      [1n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.contributionSubmit([1n, profile(3, 1, WAD)], { account: memberWallets[3].account }),
      settlement,
      "CoCoGenSettlementNotInRound",
      [1n, members[3]],
    );
  });
});

describe("CoCoGenSettlement: parameters", () => {
  it("stores a symmetric competition matrix across packed words and emits CompetitionSet", async () => {
    const settlement = await deploy();
    const n = 9;
    const extra = wallets.slice(11, 11 + n).map((w) => getAddress(w.account.address));
    for (const m of extra) await settlement.write.registerMember([m]);
    const rho = symmetricRho(n, (i, j) => (i + j) % 3 === 0 ? WAD : BigInt(i * 100 + j) * 10n ** 12n);
    const hash = await publicClient.waitForTransactionReceipt({ hash: await settlement.write.setCompetition([rho]) });
    assert.equal(hash.status, "success");
    const events = await settlement.getEvents.CompetitionSet({}, { fromBlock: hash.blockNumber, toBlock: hash.blockNumber });
    assert.equal(events.length, 1);
    assert.equal(events[0].args.memberCount, BigInt(n));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        assert.equal(await settlement.read.rhoWad([BigInt(i), BigInt(j)]), rho[i * n + j], `rho[${i}][${j}]`);
      }
    }
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.read.rhoWad([BigInt(n), 0n]),
      settlement,
      "CoCoGenSettlementMemberIndexOutOfRange",
      [BigInt(n), BigInt(n)],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.read.rhoWad([0n, BigInt(n)]),
      settlement,
      "CoCoGenSettlementMemberIndexOutOfRange",
      [BigInt(n), BigInt(n)],
    );
    // A member registered later competes with nobody until the matrix is set again.
    await settlement.write.registerMember([members[0]]);
    for (let i = 0; i < n; i++) assert.equal(await settlement.read.rhoWad([BigInt(i), BigInt(n)]), 0n);
    // Re-setting with smaller values clears every lane.
    await settlement.write.setCompetition([new Array<bigint>((n + 1) * (n + 1)).fill(0n)]);
    for (let i = 0; i < n; i++) assert.equal(await settlement.read.rhoWad([BigInt(i), BigInt(i + 1)]), 0n);
  });

  it("rejects a wrong length, a non-zero diagonal, asymmetry, values above one, others and mid-round", async () => {
    const settlement = await networkHelpers.loadFixture(configured);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setCompetition([RHO4.slice(1)]),
      settlement,
      "CoCoGenSettlementCompetitionLength",
      [16n, 15n],
    );
    const diagonal = [...RHO4];
    diagonal[2 * 4 + 2] = 5n;
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setCompetition([diagonal]),
      settlement,
      "CoCoGenSettlementCompetitionDiagonal",
      [2n, 5n],
    );
    const asymmetric = [...RHO4];
    asymmetric[3 * 4 + 1] += 1n;
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setCompetition([asymmetric]),
      settlement,
      "CoCoGenSettlementCompetitionAsymmetric",
      [1n, 3n, RHO4[1 * 4 + 3], RHO4[1 * 4 + 3] + 1n],
    );
    const aboveOne = symmetricRho(4, (i, j) => (i === 0 && j === 2 ? WAD + 1n : 0n));
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setCompetition([aboveOne]),
      settlement,
      "CoCoGenSettlementCompetitionAboveOne",
      [0n, 2n, WAD + 1n],
    );
    await viem.assertions.revertWithCustomError(
      settlement.write.setCompetition([RHO4], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotCoordinator",
    );
    await settlement.write.openRound([1n]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setCompetition([RHO4]),
      settlement,
      "CoCoGenSettlementRoundActive",
      [1n],
    );
  });

  it("sets gamma under Remark 1 with GammaSet and rejects gamma above phi_min, above the cap, by others, mid-round", async () => {
    const settlement = await networkHelpers.loadFixture(configured);
    await viem.assertions.emitWithArgs(settlement.write.setGamma([WAD / 4n, WAD / 4n]), settlement, "GammaSet", [
      WAD / 4n,
      WAD / 4n,
    ]);
    assert.equal(await settlement.read.gammaWad(), WAD / 4n);
    assert.equal(await settlement.read.phiMinWad(), WAD / 4n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setGamma([WAD / 4n + 1n, WAD / 4n]),
      settlement,
      "CoCoGenSettlementGammaAboveRemark1",
      [WAD / 4n + 1n, WAD / 4n],
    );
    const cap = await settlement.read.MAX_GAMMA_WAD();
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setGamma([cap + 1n, cap + 1n]),
      settlement,
      "CoCoGenSettlementGammaTooLarge",
      [cap + 1n, cap],
    );
    await viem.assertions.revertWithCustomError(
      settlement.write.setGamma([0n, 0n], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotCoordinator",
    );
    await settlement.write.openRound([1n]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.setGamma([0n, 0n]),
      settlement,
      "CoCoGenSettlementRoundActive",
      [1n],
    );
  });
});

describe("CoCoGenSettlement: bonds", () => {
  it("adds deposits to the bond with BondDeposited, also mid-round, and counts totalDeposited", async () => {
    const settlement = await networkHelpers.loadFixture(roundOpen);
    await viem.assertions.emitWithArgs(
      settlement.write.depositSubmit({ account: memberWallets[0].account, value: 5n }),
      settlement,
      "BondDeposited",
      [members[0], 5n, BOND + 5n],
    );
    assert.equal(await settlement.read.bondOf([members[0]]), BOND + 5n);
    assert.equal(await settlement.read.totalDeposited(), 4n * BOND + 5n);
    assert.equal(await publicClient.getBalance({ address: settlement.address }), 4n * BOND + 5n);
    await viem.assertions.revertWithCustomError(
      settlement.write.depositSubmit({ account: memberWallets[0].account, value: 0n }),
      settlement,
      "CoCoGenSettlementZeroDeposit",
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.depositSubmit({ account: stranger, value: 1n }),
      settlement,
      "CoCoGenSettlementNotMember",
      [getAddress(stranger.address)],
    );
  });

  it("pays withdrawals with Withdrawn and rejects zero, non-members, more than the bond", async () => {
    const settlement = await networkHelpers.loadFixture(configured);
    const amount = parseEther("3");
    const tx = settlement.write.withdraw([amount], { account: memberWallets[2].account });
    await viem.assertions.balancesHaveChanged(tx, [
      { address: members[2], amount },
      { address: settlement.address, amount: -amount },
    ]);
    const events = await settlement.getEvents.Withdrawn({ member: members[2] }, { fromBlock: 0n });
    assert.equal(events.length, 1);
    assert.equal(events[0].args.amountWei, amount);
    assert.equal(events[0].args.bondWei, BOND - amount);
    assert.equal(await settlement.read.totalWithdrawn(), amount);
    await viem.assertions.revertWithCustomError(
      settlement.write.withdraw([0n], { account: memberWallets[2].account }),
      settlement,
      "CoCoGenSettlementZeroWithdrawal",
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.withdraw([1n], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotMember",
      [getAddress(stranger.address)],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.withdraw([BOND], { account: memberWallets[2].account }),
      settlement,
      "CoCoGenSettlementInsufficientBond",
      [members[2], BOND - amount, BOND],
    );
  });

  it("locks the bonds of a round's members while it is Open or Closed, not an exited member's", async () => {
    const settlement = await networkHelpers.loadFixture(configured);
    await settlement.write.exitMembership({ account: memberWallets[3].account });
    await settlement.write.openRound([1n]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.withdraw([1n], { account: memberWallets[0].account }),
      settlement,
      "CoCoGenSettlementBondsLocked",
      [members[0], 1n],
    );
    await viem.assertions.emitWithArgs(
      settlement.write.withdraw([BOND], { account: memberWallets[3].account }),
      settlement,
      "Withdrawn",
      [members[3], BOND, 0n],
    );
    await submitAndRecord(settlement, 1, X.slice(0, 3));
    await settlement.write.closeRound([1n]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.withdraw([1n], { account: memberWallets[1].account }),
      settlement,
      "CoCoGenSettlementBondsLocked",
      [members[1], 1n],
    );
    await settlement.write.payoffTransfer([1n]);
    await settlement.write.withdraw([1n], { account: memberWallets[1].account });
  });

  it("gives a re-entrant attacker only its own withdrawal; the re-entry fails with ReentrancyGuardReentrantCall", async () => {
    const settlement = await deploy();
    const attacker = await viem.deployContract("ReentrantWithdrawer", [settlement.address]);
    await settlement.write.registerMember([attacker.address]);
    await attacker.write.deposit({ value: parseEther("2") });
    const tx = attacker.write.withdraw([parseEther("1")]);
    await viem.assertions.balancesHaveChanged(tx, [
      { address: attacker.address, amount: parseEther("1") },
      { address: settlement.address, amount: -parseEther("1") },
    ]);
    assert.equal(await attacker.read.reentryAttempts(), 1n);
    assert.equal(await attacker.read.reentrySuccesses(), 0n);
    const selector = (await attacker.read.lastReentryError()).slice(0, 10);
    assert.equal(selector, "0x3ee5aeb5"); // ReentrancyGuardReentrantCall()
    assert.equal(await settlement.read.bondOf([attacker.address]), parseEther("1"));
    assert.equal(await settlement.read.totalWithdrawn(), parseEther("1"));
  });

  it("reverts with TransferFailed and changes nothing when the member refuses the payment", async () => {
    const settlement = await deploy();
    const attacker = await viem.deployContract("ReentrantWithdrawer", [settlement.address]);
    await settlement.write.registerMember([attacker.address]);
    await attacker.write.deposit({ value: 100n });
    await attacker.write.setMode([1]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      attacker.write.withdraw([40n]),
      settlement,
      "CoCoGenSettlementTransferFailed",
      [getAddress(attacker.address), 40n],
    );
    assert.equal(await settlement.read.bondOf([attacker.address]), 100n);
    assert.equal(await settlement.read.totalWithdrawn(), 0n);
  });

  it("refuses plain ether transfers (bonds only via depositSubmit)", async () => {
    const settlement = await deploy();
    await assert.rejects(memberWallets[0].sendTransaction({ to: settlement.address, value: 1n }));
  });
});

describe("CoCoGenSettlement: rounds", () => {
  it("opens rounds in sequence with RoundOpened, deadline = block time + window, locking membership", async () => {
    const settlement = await networkHelpers.loadFixture(configured);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.openRound([2n]),
      settlement,
      "CoCoGenSettlementUnexpectedRound",
      [2n, 1n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.openRound([0n]),
      settlement,
      "CoCoGenSettlementUnexpectedRound",
      [0n, 1n],
    );
    await viem.assertions.revertWithCustomError(
      settlement.write.openRound([1n], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotCoordinator",
    );
    const hash = await settlement.write.openRound([1n]);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber });
    const deadline = block.timestamp + WINDOW;
    const events = await settlement.getEvents.RoundOpened({ round: 1n }, { fromBlock: receipt.blockNumber });
    assert.equal(events.length, 1);
    assert.equal(events[0].args.deadline, deadline);
    assert.equal(events[0].args.activeMembers, 4n);
    assert.equal(await settlement.read.roundDeadline([1n]), deadline);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Open);
    assert.equal(await settlement.read.roundStatus([2n]), RoundStatus.None);
    assert.equal(await settlement.read.activeRound(), 1n);
    assert.equal(await settlement.read.lastRound(), 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.openRound([2n]),
      settlement,
      "CoCoGenSettlementRoundActive",
      [1n],
    );
  });

  it("needs at least one member to open a round", async () => {
    const settlement = await deploy();
    await viem.assertions.revertWithCustomError(
      settlement.write.openRound([1n]),
      settlement,
      "CoCoGenSettlementNoActiveMembers",
    );
  });

  it("records the coordinator's profile and the member's own with their hashes, once each", async () => {
    const settlement = await networkHelpers.loadFixture(roundOpen);
    const p = profile(0, 1, 2n * WAD);
    await viem.assertions.emitWithArgs(settlement.write.profileRecord([1n, members[0], p]), settlement, "ProfileRecorded", [
      1n,
      members[0],
      profileHash(p),
      p.contributionWad,
    ]);
    await viem.assertions.emitWithArgs(
      settlement.write.contributionSubmit([1n, p], { account: memberWallets[0].account }),
      settlement,
      "ContributionSubmitted",
      [1n, members[0], profileHash(p), p.contributionWad],
    );
    const [, submittedMask, recordedMask] = await settlement.read.roundMembers([1n]);
    assert.equal(submittedMask, 1n);
    assert.equal(recordedMask, 1n);
    const other = profile(0, 1, 2n * WAD, 1);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.profileRecord([1n, members[0], other]),
      settlement,
      "CoCoGenSettlementAlreadyRecorded",
      [1n, members[0]],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.contributionSubmit([1n, other], { account: memberWallets[0].account }),
      settlement,
      "CoCoGenSettlementAlreadySubmitted",
      [1n, members[0]],
    );
  });

  it("rejects profiles for a round that is not open, after the deadline, from outsiders, and malformed", async () => {
    const settlement = await networkHelpers.loadFixture(roundOpen);
    const p = profile(1, 1, WAD);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.contributionSubmit([2n, p], { account: memberWallets[1].account }),
      settlement,
      "CoCoGenSettlementRoundNotOpen",
      [2n, RoundStatus.None],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.profileRecord([2n, members[1], p]),
      settlement,
      "CoCoGenSettlementRoundNotOpen",
      [2n, RoundStatus.None],
    );
    await viem.assertions.revertWithCustomError(
      settlement.write.profileRecord([1n, members[1], p], { account: memberWallets[1].account }),
      settlement,
      "CoCoGenSettlementNotCoordinator",
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.contributionSubmit([1n, p], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotInRound",
      [1n, getAddress(stranger.address)],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.profileRecord([1n, getAddress(stranger.address), p]),
      settlement,
      "CoCoGenSettlementNotInRound",
      [1n, getAddress(stranger.address)],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.contributionSubmit([1n, { ...p, weightsHash: zeroHash }], { account: memberWallets[1].account }),
      settlement,
      "CoCoGenSettlementZeroWeightsHash",
      [members[1]],
    );
    const max = await settlement.read.MAX_ABS_CONTRIBUTION_WAD();
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.contributionSubmit([1n, { ...p, contributionWad: max + 1n }], {
        account: memberWallets[1].account,
      }),
      settlement,
      "CoCoGenSettlementContributionOutOfRange",
      [members[1], max + 1n, max],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.profileRecord([1n, members[1], { ...p, contributionWad: -max - 1n }]),
      settlement,
      "CoCoGenSettlementContributionOutOfRange",
      [members[1], -max - 1n, max],
    );
    // The bounds themselves are accepted.
    await settlement.write.profileRecord([1n, members[1], { ...p, contributionWad: -max }]);
    await settlement.write.contributionSubmit([1n, { ...p, contributionWad: max }], { account: memberWallets[2].account });
    const deadline = await settlement.read.roundDeadline([1n]);
    await networkHelpers.time.increaseTo(deadline + 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.contributionSubmit([1n, p], { account: memberWallets[0].account }),
      settlement,
      "CoCoGenSettlementDeadlinePassed",
      [1n, deadline],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.profileRecord([1n, members[0], p]),
      settlement,
      "CoCoGenSettlementDeadlinePassed",
      [1n, deadline],
    );
  });

  it("rejects the same profile replayed in a later round, by the member and by the coordinator", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    await settlement.write.payoffTransfer([1n]);
    await settlement.write.openRound([2n]);
    const replay = profile(0, 1, X[0]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.contributionSubmit([2n, replay], { account: memberWallets[0].account }),
      settlement,
      "CoCoGenSettlementProfileReplayed",
      [members[0], replay.weightsHash, 1n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.profileRecord([2n, members[0], replay]),
      settlement,
      "CoCoGenSettlementProfileReplayed",
      [members[0], replay.weightsHash, 1n],
    );
    // The same weights hash submitted for round 1 also cannot come back with another contribution.
    await viem.assertions.revertWithCustomError(
      settlement.write.contributionSubmit([2n, { ...replay, contributionWad: 9n * WAD }], {
        account: memberWallets[0].account,
      }),
      settlement,
      "CoCoGenSettlementProfileReplayed",
    );
    await settlement.write.contributionSubmit([2n, profile(0, 2, X[0])], { account: memberWallets[0].account });
  });

  it("lets the coordinator close early only once all submitted, with RoundClosed", async () => {
    const settlement = await networkHelpers.loadFixture(roundOpen);
    const deadline = await settlement.read.roundDeadline([1n]);
    await submitAndRecord(settlement, 1, X.slice(0, 3));
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.closeRound([1n]),
      settlement,
      "CoCoGenSettlementRoundNotClosable",
      [1n, deadline, 3n, 4n],
    );
    const last = profile(3, 1, X[3]);
    await settlement.write.profileRecord([1n, members[3], last]);
    await settlement.write.contributionSubmit([1n, last], { account: memberWallets[3].account });
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.closeRound([1n], { account: stranger }),
      settlement,
      "CoCoGenSettlementRoundNotClosable",
      [1n, deadline, 4n, 4n],
    );
    await viem.assertions.emitWithArgs(settlement.write.closeRound([1n]), settlement, "RoundClosed", [
      1n,
      getAddress(coordinatorWallet.account.address),
      4n,
      4n,
    ]);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Closed);
    assert.equal(await settlement.read.activeRound(), 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.closeRound([1n]),
      settlement,
      "CoCoGenSettlementRoundNotOpen",
      [1n, RoundStatus.Closed],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.contributionSubmit([1n, profile(3, 1, X[3], 5)], { account: memberWallets[3].account }),
      settlement,
      "CoCoGenSettlementRoundNotOpen",
      [1n, RoundStatus.Closed],
    );
  });

  it("lets anyone close after the deadline; non-submitters count x = 0", async () => {
    const settlement = await networkHelpers.loadFixture(roundOpen);
    await submitAndRecord(settlement, 1, X.slice(0, 2));
    // Member 2 is recorded by the coordinator but never submits: it still counts as x = 0.
    await settlement.write.profileRecord([1n, members[2], profile(2, 1, X[2])]);
    await networkHelpers.time.increaseTo((await settlement.read.roundDeadline([1n])) + 1n);
    await viem.assertions.emitWithArgs(settlement.write.closeRound([1n], { account: stranger }), settlement, "RoundClosed", [
      1n,
      getAddress(stranger.address),
      2n,
      4n,
    ]);
    const expected = referenceNet([X[0], X[1], 0n, 0n], [true, true, true, true], RHO4, GAMMA, WEI_PER_UNIT);
    const net = await settlement.read.payoffCalculate([1n]);
    assert.deepEqual([...net], expected);
    assert.notEqual(expected[2], 0n);
    assert.equal(net.reduce((a, b) => a + b, 0n), 0n);
  });

  it("marks a round Disputed with ProfileMismatch when a submission differs from the record or has none", async () => {
    const settlement = await networkHelpers.loadFixture(roundOpen);
    await submitAndRecord(settlement, 1, X.slice(0, 2));
    const recorded = profile(2, 1, WAD);
    const inflated = { ...recorded, contributionWad: 5n * WAD };
    await settlement.write.profileRecord([1n, members[2], recorded]);
    await settlement.write.contributionSubmit([1n, inflated], { account: memberWallets[2].account });
    const unrecorded = profile(3, 1, WAD);
    await settlement.write.contributionSubmit([1n, unrecorded], { account: memberWallets[3].account });
    const hash = await settlement.write.closeRound([1n]);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    const range = { fromBlock: receipt.blockNumber, toBlock: receipt.blockNumber };
    const mismatches = await settlement.getEvents.ProfileMismatch({ round: 1n }, range);
    assert.deepEqual(
      mismatches.map((e) => [e.args.member, e.args.submittedHash, e.args.recordedHash]),
      [
        [members[2], profileHash(inflated), profileHash(recorded)],
        [members[3], profileHash(unrecorded), zeroHash],
      ],
    );
    const disputed = await settlement.getEvents.RoundDisputed({ round: 1n }, range);
    assert.equal(disputed.length, 1);
    assert.equal(disputed[0].args.mismatches, 2n);
    assert.equal(disputed[0].args.closedBy, getAddress(coordinatorWallet.account.address));
    assert.equal((await settlement.getEvents.RoundClosed({}, range)).length, 0);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Disputed);
    assert.equal(await settlement.read.activeRound(), 0n);
    assert.deepEqual(await bonds(settlement), [BOND, BOND, BOND, BOND]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransfer([1n]),
      settlement,
      "CoCoGenSettlementRoundNotClosed",
      [1n, RoundStatus.Disputed],
    );
    // Bonds are free again and the next round can open.
    await settlement.write.withdraw([1n], { account: memberWallets[2].account });
    await settlement.write.openRound([2n]);
  });
});

describe("CoCoGenSettlement: payoff", () => {
  it("computes the exact pair arithmetic of CONTRACT.md; the nets sum to 0 wei", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    const expected = referenceNet(X, [true, true, true, true], RHO4, GAMMA, WEI_PER_UNIT);
    const net = await settlement.read.payoffCalculate([1n]);
    assert.deepEqual([...net], expected);
    assert.equal(net.reduce((a, b) => a + b, 0n), 0n);
    assert.ok(net.some((v) => v < 0n) && net.some((v) => v > 0n));
  });

  it("answers payoffCalculate only for Closed rounds", async () => {
    const settlement = await networkHelpers.loadFixture(roundOpen);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.read.payoffCalculate([1n]),
      settlement,
      "CoCoGenSettlementRoundNotClosed",
      [1n, RoundStatus.Open],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.read.payoffCalculate([7n]),
      settlement,
      "CoCoGenSettlementRoundNotClosed",
      [7n, RoundStatus.None],
    );
  });

  it("applies the nets to the bonds with PayoffTransferred per member and RoundSettled", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    const expected = referenceNet(X, [true, true, true, true], RHO4, GAMMA, WEI_PER_UNIT);
    const hash = await settlement.write.payoffTransfer([1n], { account: stranger });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    const range = { fromBlock: receipt.blockNumber, toBlock: receipt.blockNumber };
    const transfers = await settlement.getEvents.PayoffTransferred({ round: 1n }, range);
    assert.deepEqual(
      transfers.map((e) => [e.args.member, e.args.netWei, e.args.bondWei]),
      members.map((m, i) => [m, expected[i], BOND + expected[i]]),
    );
    const settled = await settlement.getEvents.RoundSettled({ round: 1n }, range);
    assert.equal(settled.length, 1);
    assert.equal(settled[0].args.settledBy, getAddress(stranger.address));
    assert.deepEqual(await bonds(settlement), expected.map((e) => BOND + e));
    assert.equal((await bonds(settlement)).reduce((a, b) => a + b, 0n), 4n * BOND);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Settled);
    assert.equal(await settlement.read.activeRound(), 0n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransfer([1n]),
      settlement,
      "CoCoGenSettlementRoundNotClosed",
      [1n, RoundStatus.Settled],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.read.payoffCalculate([1n]),
      settlement,
      "CoCoGenSettlementRoundNotClosed",
      [1n, RoundStatus.Settled],
    );
  });

  it("reverts with UncoveredPayer naming the payer and changes nothing; a top-up lets it settle", async () => {
    const settlement = await deploy();
    for (const m of members.slice(0, 3)) await settlement.write.registerMember([m]);
    await settlement.write.setCompetition([symmetricRho(3, () => WAD / 2n)]);
    await settlement.write.setGamma([WAD, WAD]);
    for (const w of memberWallets.slice(0, 3)) await settlement.write.depositSubmit({ account: w.account, value: 1000n });
    await settlement.write.openRound([1n]);
    // x = (10, 0, 0) units at 1000 wei/unit... member 1 and 2 each pay 0.5 * 10 * weiPerUnit.
    await submitAndRecord(settlement, 1, [10n * WAD, 0n, 0n]);
    await settlement.write.closeRound([1n]);
    const debit = 5n * WEI_PER_UNIT;
    assert.ok(debit > 1000n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransfer([1n]),
      settlement,
      "CoCoGenSettlementUncoveredPayer",
      [members[1], 1000n, debit],
    );
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Closed);
    assert.deepEqual(await Promise.all(members.slice(0, 3).map((m) => settlement.read.bondOf([m]))), [1000n, 1000n, 1000n]);
    await settlement.write.depositSubmit({ account: memberWallets[1].account, value: debit });
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransfer([1n]),
      settlement,
      "CoCoGenSettlementUncoveredPayer",
      [members[2], 1000n, debit],
    );
    await settlement.write.depositSubmit({ account: memberWallets[2].account, value: debit });
    await settlement.write.payoffTransfer([1n]);
    assert.deepEqual(await Promise.all(members.slice(0, 3).map((m) => settlement.read.bondOf([m]))), [
      1000n + 2n * debit,
      1000n,
      1000n,
    ]);
  });

  it("settles three rounds in a row with balances equal to the reference to the wei", async () => {
    const settlement = await networkHelpers.loadFixture(configured);
    const expectedBonds = [BOND, BOND, BOND, BOND];
    const rounds = [
      [WAD, 2n * WAD, -3n * WAD, 4n * WAD + 1n],
      [-7n, 0n, 13n * WAD, WAD / 7n],
      [0n, 0n, 0n, 0n],
    ];
    for (let r = 0; r < rounds.length; r++) {
      const round = BigInt(r + 1);
      await settlement.write.openRound([round]);
      await submitAndRecord(settlement, r + 1, rounds[r]);
      await settlement.write.closeRound([round]);
      await settlement.write.payoffTransfer([round]);
      const net = referenceNet(rounds[r], [true, true, true, true], RHO4, GAMMA, WEI_PER_UNIT);
      for (let i = 0; i < 4; i++) expectedBonds[i] += net[i];
    }
    assert.deepEqual(await bonds(settlement), expectedBonds);
    assert.equal(await settlement.read.lastRound(), 3n);
    const balance = await publicClient.getBalance({ address: settlement.address });
    assert.equal(balance, expectedBonds.reduce((a, b) => a + b, 0n));
  });
});

// payoffTransferNet: settling a Closed round with a budget-balanced net vector supplied by the coordinator
// (M^Shap payments), against Hardhat's in-process EDR chain: every revert, every event, bonds to the wei.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { network } from "hardhat";
import { encodePacked, getAddress, keccak256, parseEther } from "viem";

import { profile, RoundStatus, symmetricRho, WAD, WEI_PER_UNIT, WINDOW } from "../support/settlement.ts";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const coordinator = getAddress(wallets[0].account.address);
const memberWallets = wallets.slice(1, 5);
const members = memberWallets.map((w) => getAddress(w.account.address));
const stranger = wallets[10].account;
const BOND = parseEther("10");
// Budget-balanced, odd amounts in wei so a rounding or index mix-up shows.
const NET = [-1_234_567_890_123n, 987_654_321_000n, 0n, 246_913_569_123n];

async function deploy() {
  return viem.deployContract("CoCoGenSettlement", [WEI_PER_UNIT, WINDOW]);
}

type Settlement = Awaited<ReturnType<typeof deploy>>;

/** Submits and records a profile for every member in `active` (indices into `members`). */
async function submitAll(settlement: Settlement, round: number, active: number[]) {
  for (const i of active) {
    const p = profile(i, round, BigInt(i) * WAD);
    await settlement.write.profileRecord([BigInt(round), members[i], p]);
    await settlement.write.contributionSubmit([BigInt(round), p], { account: memberWallets[i].account });
  }
}

/** Four bonded members (rho and gamma set, so payoffTransfer would also settle), round 1 Closed. */
async function roundClosed() {
  const settlement = await deploy();
  for (const m of members) await settlement.write.registerMember([m]);
  await settlement.write.setCompetition([symmetricRho(4, () => WAD / 3n)]);
  await settlement.write.setGamma([WAD, WAD]);
  for (const w of memberWallets) await settlement.write.depositSubmit({ account: w.account, value: BOND });
  await settlement.write.openRound([1n]);
  await submitAll(settlement, 1, [0, 1, 2, 3]);
  await settlement.write.closeRound([1n]);
  return settlement;
}

async function bonds(settlement: Settlement): Promise<bigint[]> {
  return Promise.all(members.map((m) => settlement.read.bondOf([m])));
}

async function assertUnchanged(settlement: Settlement) {
  assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Closed);
  assert.equal(await settlement.read.activeRound(), 1n);
  assert.deepEqual(await bonds(settlement), [BOND, BOND, BOND, BOND]);
}

describe("CoCoGenSettlement: payoffTransferNet", () => {
  it("moves bonds by the vector with PayoffNetTransferred, PayoffTransferred per member and RoundSettled", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    const hash = await settlement.write.payoffTransferNet([1n, NET]);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    const range = { fromBlock: receipt.blockNumber, toBlock: receipt.blockNumber };
    const netEvents = await settlement.getEvents.PayoffNetTransferred({ round: 1n }, range);
    assert.equal(netEvents.length, 1);
    assert.equal(netEvents[0].args.settledBy, coordinator);
    assert.equal(netEvents[0].args.netHash, keccak256(encodePacked(["int256[]"], [NET])));
    const transfers = await settlement.getEvents.PayoffTransferred({ round: 1n }, range);
    assert.deepEqual(
      transfers.map((e) => [e.args.member, e.args.netWei, e.args.bondWei]),
      members.map((m, i) => [m, NET[i], BOND + NET[i]]),
    );
    const settled = await settlement.getEvents.RoundSettled({ round: 1n }, range);
    assert.equal(settled.length, 1);
    assert.equal(settled[0].args.settledBy, coordinator);
    // Event order: the vector's hash, the transfers, then the settlement.
    assert.ok(netEvents[0].logIndex < transfers[0].logIndex && transfers[3].logIndex < settled[0].logIndex);
    assert.deepEqual(await bonds(settlement), NET.map((n) => BOND + n));
    assert.equal(await publicClient.getBalance({ address: settlement.address }), 4n * BOND);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Settled);
    assert.equal(await settlement.read.activeRound(), 0n);
    // Bonds are unlocked: the receiver withdraws its new bond to the wei.
    await settlement.write.withdraw([BOND + NET[1]], { account: memberWallets[1].account });
    assert.equal(await settlement.read.bondOf([members[1]]), 0n);
    assert.equal(await settlement.read.totalWithdrawn(), BOND + NET[1]);
  });

  it("settles a round once: neither path applies after the other", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    await settlement.write.payoffTransferNet([1n, NET]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, NET]),
      settlement,
      "CoCoGenSettlementRoundNotClosed",
      [1n, RoundStatus.Settled],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransfer([1n]),
      settlement,
      "CoCoGenSettlementRoundNotClosed",
      [1n, RoundStatus.Settled],
    );
    const other = await networkHelpers.loadFixture(roundClosed);
    await other.write.payoffTransfer([1n]);
    const afterPairRule = await bonds(other);
    await viem.assertions.revertWithCustomErrorWithArgs(
      other.write.payoffTransferNet([1n, NET]),
      other,
      "CoCoGenSettlementRoundNotClosed",
      [1n, RoundStatus.Settled],
    );
    assert.deepEqual(await bonds(other), afterPairRule);
  });

  it("accepts only the coordinator and only a Closed round", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, NET], { account: memberWallets[1].account }),
      settlement,
      "CoCoGenSettlementNotCoordinator",
      [members[1]],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, NET], { account: stranger }),
      settlement,
      "CoCoGenSettlementNotCoordinator",
      [getAddress(stranger.address)],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([2n, NET]),
      settlement,
      "CoCoGenSettlementRoundNotClosed",
      [2n, RoundStatus.None],
    );
    await assertUnchanged(settlement);

    const open = await deploy();
    await open.write.registerMember([members[0]]);
    await open.write.openRound([1n]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      open.write.payoffTransferNet([1n, [0n]]),
      open,
      "CoCoGenSettlementRoundNotClosed",
      [1n, RoundStatus.Open],
    );
  });

  it("refuses a Disputed round", async () => {
    const settlement = await deploy();
    await settlement.write.registerMember([members[0]]);
    await settlement.write.openRound([1n]);
    await settlement.write.contributionSubmit([1n, profile(0, 1, WAD)], { account: memberWallets[0].account });
    await settlement.write.closeRound([1n]);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Disputed);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, [0n]]),
      settlement,
      "CoCoGenSettlementRoundNotClosed",
      [1n, RoundStatus.Disputed],
    );
  });

  it("needs one entry per member index", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, NET.slice(0, 3)]),
      settlement,
      "CoCoGenSettlementNetLength",
      [4n, 3n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, [...NET, 0n]]),
      settlement,
      "CoCoGenSettlementNetLength",
      [4n, 5n],
    );
    await assertUnchanged(settlement);
  });

  it("rejects a vector that does not sum to exactly 0 wei, naming the sum", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, [NET[0], NET[1], NET[2], NET[3] + 1n]]),
      settlement,
      "CoCoGenSettlementNetSumNonZero",
      [1n, 1n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, [-5n, 0n, 0n, 0n]]),
      settlement,
      "CoCoGenSettlementNetSumNonZero",
      [1n, -5n],
    );
    await assertUnchanged(settlement);
  });

  it("rejects an entry beyond MAX_ABS_NET_WEI on either side", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    const max = await settlement.read.MAX_ABS_NET_WEI();
    assert.equal(max, 10n ** 54n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, [0n, max + 1n, -(max + 1n), 0n]]),
      settlement,
      "CoCoGenSettlementNetOutOfRange",
      [members[1], max + 1n, max],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, [-(2n ** 255n), 0n, 0n, 0n]]),
      settlement,
      "CoCoGenSettlementNetOutOfRange",
      [members[0], -(2n ** 255n), max],
    );
    // At the bound the sum check passes and coverage decides.
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, [max, -max, 0n, 0n]]),
      settlement,
      "CoCoGenSettlementUncoveredPayer",
      [members[1], BOND, max],
    );
    await assertUnchanged(settlement);
  });

  it("moves only the round's members: a non-zero entry for an exited member reverts, 0 settles", async () => {
    const settlement = await deploy();
    for (const m of members) await settlement.write.registerMember([m]);
    for (const w of memberWallets) await settlement.write.depositSubmit({ account: w.account, value: BOND });
    await settlement.write.exitMembership({ account: memberWallets[2].account });
    await settlement.write.openRound([1n]);
    await submitAll(settlement, 1, [0, 1, 3]);
    await settlement.write.closeRound([1n]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, [-3n, 1n, 1n, 1n]]),
      settlement,
      "CoCoGenSettlementNetOutsideRound",
      [1n, members[2], 1n],
    );
    const hash = await settlement.write.payoffTransferNet([1n, [-3n, 1n, 0n, 2n]]);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    const range = { fromBlock: receipt.blockNumber, toBlock: receipt.blockNumber };
    const transfers = await settlement.getEvents.PayoffTransferred({ round: 1n }, range);
    assert.deepEqual(
      transfers.map((e) => [e.args.member, e.args.netWei]),
      [
        [members[0], -3n],
        [members[1], 1n],
        [members[3], 2n],
      ],
    );
    assert.deepEqual(await bonds(settlement), [BOND - 3n, BOND + 1n, BOND, BOND + 2n]);
  });

  it("reverts with UncoveredPayer naming the first short payer, changes nothing, and settles after a top-up", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    const short = [-(BOND + 1n), BOND + 7n, -(BOND + 6n), BOND];
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, short]),
      settlement,
      "CoCoGenSettlementUncoveredPayer",
      [members[0], BOND, BOND + 1n],
    );
    await assertUnchanged(settlement);
    await settlement.write.depositSubmit({ account: memberWallets[0].account, value: 1n });
    await viem.assertions.revertWithCustomErrorWithArgs(
      settlement.write.payoffTransferNet([1n, short]),
      settlement,
      "CoCoGenSettlementUncoveredPayer",
      [members[2], BOND, BOND + 6n],
    );
    await settlement.write.depositSubmit({ account: memberWallets[2].account, value: 6n });
    await settlement.write.payoffTransferNet([1n, short]);
    assert.deepEqual(await bonds(settlement), [0n, 2n * BOND + 7n, 0n, 2n * BOND]);
    assert.equal(await publicClient.getBalance({ address: settlement.address }), 4n * BOND + 7n);
  });

  it("settles an all-zero vector without moving any bond", async () => {
    const settlement = await networkHelpers.loadFixture(roundClosed);
    await settlement.write.payoffTransferNet([1n, [0n, 0n, 0n, 0n]]);
    assert.equal(await settlement.read.roundStatus([1n]), RoundStatus.Settled);
    assert.deepEqual(await bonds(settlement), [BOND, BOND, BOND, BOND]);
  });
});

// Gas of every call of CoCoGenSettlement with 3, 10, 50 and 64 (MAX_MEMBERS) members, measured from
// receipts on Hardhat's in-process chain. Every pair has rho > 0 and every member pays or receives.
// Run: hardhat/bin/hardhat run scripts/gas-report.ts   (or `npm run gas` in hardhat/)
import { network } from "hardhat";
import { getAddress, keccak256, parseEther, toHex, type Address, type Hex } from "viem";

const WAD = 10n ** 18n;
const SIZES = [3, 10, 50, 64];
const WINDOW = 60n;
const COMMIT_TIMEOUT = 600n;
const MIN_BOND = parseEther("10");
const DEBIT_CAP = parseEther("6");
const STAKE = parseEther("1");
const COORDINATOR_BOND = parseEther("5");

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();

/** A deterministic member account, impersonated and funded. */
async function memberAccount(i: number): Promise<Address> {
  const address = getAddress(`0x${(0xc0c0_0000 + i).toString(16).padStart(40, "0")}`);
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, parseEther("1000"));
  return address;
}

async function gasOf(hash: Promise<Hex>): Promise<bigint> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success") throw new Error(`transaction ${receipt.transactionHash} failed`);
  return receipt.gasUsed;
}

const root = (round: number) => keccak256(toHex(`evidence/${round}`));
const seed = (round: number) => keccak256(toHex(`seed/${round}`));
const table = new Map<string, Map<number, bigint>>();
function note(call: string, n: number, gas: bigint) {
  if (!table.has(call)) table.set(call, new Map());
  table.get(call)!.set(n, gas);
}

for (const n of SIZES) {
  const settlement = await viem.deployContract("CoCoGenSettlement", [10n ** 15n, COMMIT_TIMEOUT, WINDOW, COMMIT_TIMEOUT + WINDOW]);
  const members: Address[] = [];
  for (let i = 0; i < n; i++) members.push(await memberAccount(i));
  for (const m of members) note("registerMember", n, await gasOf(settlement.write.registerMember([m])));
  const rho: bigint[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) rho.push(i === j ? 0n : (WAD * BigInt(1 + ((i + j) % 7))) / BigInt(8 * (n - 1)));
  }
  note("setCompetition", n, await gasOf(settlement.write.setCompetition([rho])));
  note("setGamma", n, await gasOf(settlement.write.setGamma([WAD / 2n, WAD])));
  note("setLimits", n, await gasOf(settlement.write.setLimits([MIN_BOND, DEBIT_CAP, STAKE, COORDINATOR_BOND])));
  note("depositSubmit (coordinator)", n, await gasOf(settlement.write.depositSubmit({ value: COORDINATOR_BOND * 10n })));
  for (const m of members) note("depositSubmit (first)", n, await gasOf(settlement.write.depositSubmit({ account: m, value: MIN_BOND })));
  note("depositSubmit (top-up)", n, await gasOf(settlement.write.depositSubmit({ account: members[0], value: 1n })));
  await networkHelpers.time.increase(WINDOW);
  const topUp = async () => {
    for (const m of members) {
      const bond = await settlement.read.bondOf([m]);
      if (bond < MIN_BOND) await settlement.write.depositSubmit({ account: m, value: MIN_BOND - bond });
    }
  };
  // Mixed signs so that every member pays or receives.
  const x = members.map((_, i) => (WAD * BigInt(((i * 37) % 23) - 11)) / 3n);

  // Round 1, pair rule: one acceptance, one lone rejection, settled after the window.
  note("openRound", n, await gasOf(settlement.write.openRound([1n, seed(1), 0])));
  note("commitContributions", n, await gasOf(settlement.write.commitContributions([1n, x, root(1)])));
  note("acceptCommitment", n, await gasOf(settlement.write.acceptCommitment([1n], { account: members[0] })));
  note("rejectCommitment (not deciding)", n, await gasOf(settlement.write.rejectCommitment([1n], { account: members[1] })));
  await networkHelpers.time.increase(WINDOW + 1n);
  note("settleRound (pair rule, one rejecter)", n, await gasOf(settlement.write.settleRound([1n])));

  // Round 2, net vector (the pair rule's own nets), settled after the window.
  await topUp();
  await settlement.write.openRound([2n, seed(2), 1]);
  const nets: bigint[] = members.map(() => 0n);
  for (let i = 0; i < n; i++) nets[i] = i % 2 === 0 ? -DEBIT_CAP / 2n : 0n;
  const paid = nets.reduce((a, b) => a - b, 0n);
  nets[1] += paid;
  note("commitNet", n, await gasOf(settlement.write.commitNet([2n, nets, root(2)])));
  await networkHelpers.time.increase(WINDOW + 1n);
  note("settleRound (net vector)", n, await gasOf(settlement.write.settleRound([2n])));

  // Round 3: a strict majority rejects; the deciding vote voids the round and slashes the coordinator.
  await topUp();
  await settlement.write.openRound([3n, seed(3), 0]);
  await settlement.write.commitContributions([3n, x, root(3)]);
  const needed = Math.floor(n / 2) + 1;
  for (let i = 0; i < needed - 1; i++) await settlement.write.rejectCommitment([3n], { account: members[i] });
  note("rejectCommitment (deciding: void + slash)", n, await gasOf(settlement.write.rejectCommitment([3n], { account: members[needed - 1] })));

  // Round 4: not committed in time; anyone abandons it.
  await settlement.write.openRound([4n, seed(4), 0]);
  await networkHelpers.time.increase(COMMIT_TIMEOUT + 1n);
  note("abandonRound (void + slash)", n, await gasOf(settlement.write.abandonRound([4n], { account: members[0] })));

  note("withdraw", n, await gasOf(settlement.write.withdraw([1n], { account: members[2] })));
  note("exitMembership", n, await gasOf(settlement.write.exitMembership({ account: members[n - 1] })));
  const next = wallets[17 + SIZES.indexOf(n) % 2].account;
  note("proposeCoordinator", n, await gasOf(settlement.write.proposeCoordinator([next.address])));
  note("acceptCoordinator", n, await gasOf(settlement.write.acceptCoordinator({ account: next })));
  // The new coordinator stays away; a majority of the remaining members replaces it.
  await networkHelpers.time.increase(COMMIT_TIMEOUT + WINDOW + 1n);
  const remaining = n - 1;
  const majority = Math.floor(remaining / 2) + 1;
  const candidate = wallets[16].account.address;
  for (let i = 0; i < majority - 1; i++) await settlement.write.voteReplaceCoordinator([candidate], { account: members[i] });
  note("voteReplaceCoordinator (deciding)", n, await gasOf(settlement.write.voteReplaceCoordinator([candidate], { account: members[majority - 1] })));
}

console.log(`| call | ${SIZES.map((n) => `${n} members`).join(" | ")} |`);
console.log(`|---|${SIZES.map(() => "---:").join("|")}|`);
for (const [call, bySize] of table) {
  console.log(`| ${call} | ${SIZES.map((n) => (bySize.get(n) ?? 0n).toLocaleString("en-US")).join(" | ")} |`);
}

// Gas of a settlement (closeRound + payoffTransfer) with 3, 10, 50 and 64 (MAX_MEMBERS) members, and of every
// member-facing call, measured from receipts on Hardhat's in-process chain.
// Run: hardhat/bin/hardhat run scripts/gas-report.ts   (or `npm run gas` in hardhat/)
import { network } from "hardhat";
import { encodeAbiParameters, getAddress, keccak256, parseEther, type Address, type Hex } from "viem";

const WAD = 10n ** 18n;
const SIZES = [3, 10, 50, 64];

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();

/** A deterministic member account, impersonated and funded. */
async function memberAccount(i: number): Promise<Address> {
  const address = getAddress(`0x${(0xc0c0_0000 + i).toString(16).padStart(40, "0")}`);
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, parseEther("1000"));
  return address;
}

async function gasOf(hash: Hex): Promise<bigint> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`transaction ${hash} failed`);
  return receipt.gasUsed;
}

function profile(i: number, round: number) {
  return {
    localSamples: BigInt(5000 + i),
    syntheticSamples: BigInt(300 + i),
    lossWad: (WAD * BigInt(40 + i)) / 100n,
    // Mixed signs so that every member pays or receives.
    contributionWad: (WAD * BigInt(((i * 37) % 23) - 11)) / 3n,
    weightsHash: keccak256(encodeAbiParameters([{ type: "uint256" }, { type: "uint256" }], [BigInt(i), BigInt(round)])),
  };
}

interface Row {
  members: number;
  closeRound: bigint;
  payoffTransfer: bigint;
  setCompetition: bigint;
  profileRecord: bigint;
}

const memberCalls = new Map<string, bigint>();
const rows: Row[] = [];

for (const n of SIZES) {
  const settlement = await viem.deployContract("CoCoGenSettlement", [10n ** 15n, 3600n]);
  const members: Address[] = [];
  for (let i = 0; i < n; i++) members.push(await memberAccount(i));
  for (const m of members) await settlement.write.registerMember([m]);
  const rho: bigint[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      rho.push(i === j ? 0n : (WAD * BigInt(1 + ((i + j) % 7))) / BigInt(8 * (n - 1)));
    }
  }
  const setCompetition = await gasOf(await settlement.write.setCompetition([rho]));
  await settlement.write.setGamma([WAD / 2n, WAD]);
  for (const m of members) {
    const gas = await gasOf(await settlement.write.depositSubmit({ account: m, value: parseEther("100") }));
    if (n === 10 && m === members[0]) memberCalls.set("depositSubmit (first deposit)", gas);
  }
  if (n === 10) {
    memberCalls.set(
      "depositSubmit (top-up)",
      await gasOf(await settlement.write.depositSubmit({ account: members[0], value: 1n })),
    );
  }
  await settlement.write.openRound([1n]);
  let profileRecord = 0n;
  for (let i = 0; i < n; i++) {
    const p = profile(i, 1);
    profileRecord = await gasOf(await settlement.write.profileRecord([1n, members[i], p]));
    const gas = await gasOf(await settlement.write.contributionSubmit([1n, p], { account: members[i] }));
    if (n === 10 && i === 1) memberCalls.set("contributionSubmit", gas);
  }
  const closeRound = await gasOf(await settlement.write.closeRound([1n]));
  const payoffTransfer = await gasOf(await settlement.write.payoffTransfer([1n]));
  rows.push({ members: n, closeRound, payoffTransfer, setCompetition, profileRecord });
  if (n === 10) {
    memberCalls.set("withdraw", await gasOf(await settlement.write.withdraw([parseEther("1")], { account: members[2] })));
    memberCalls.set("exitMembership", await gasOf(await settlement.write.exitMembership({ account: members[3] })));
  }
}

console.log("Settlement (all members submitted; every pair with rho > 0):");
console.log("| members | closeRound | payoffTransfer | settlement total | setCompetition | profileRecord (each) |");
console.log("|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(
    `| ${r.members} | ${r.closeRound} | ${r.payoffTransfer} | ${r.closeRound + r.payoffTransfer} | ${r.setCompetition} | ${r.profileRecord} |`,
  );
}
console.log("");
console.log("Member-facing calls (10 members):");
console.log("| call | gas |");
console.log("|---|---:|");
for (const [name, gas] of memberCalls) console.log(`| ${name} | ${gas} |`);

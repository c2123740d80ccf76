// A configured CoCoGenSettlement on a Hardhat connection: n impersonated, funded members with bonds, the
// rule (rho, gamma, limits) set, the coordinator (wallet 0) bonded, and the rule's notice already served.
import { network } from "hardhat";
import { parseEther, type Address, type Hex } from "viem";

import {
  ABSENCE_TIMEOUT,
  CHALLENGE_WINDOW,
  COMMIT_TIMEOUT,
  COORDINATOR_BOND,
  DEBIT_CAP,
  evidenceRoot,
  GAMMA,
  memberAddress,
  MIN_BOND,
  Mode,
  PHI_MIN,
  seedHash,
  STAKE,
  symmetricRho,
  WAD,
  WEI_PER_UNIT,
} from "./settlement.ts";

export type Connection = Awaited<ReturnType<typeof network.create>>;

export async function deploySettlement(connection: Connection) {
  return connection.viem.deployContract("CoCoGenSettlement", [WEI_PER_UNIT, COMMIT_TIMEOUT, CHALLENGE_WINDOW, ABSENCE_TIMEOUT]);
}

export type Settlement = Awaited<ReturnType<typeof deploySettlement>>;

/** Default competition: distinct per pair so a mixed-up index shows. */
export const defaultRho = (n: number) => symmetricRho(n, (i, j) => (WAD * BigInt(1 + ((i + 2 * j) % 7))) / 8n);

export interface Configured {
  settlement: Settlement;
  members: Address[];
  rho: bigint[];
}

/** n members (addresses from `base`), each bonded with `bond`; coordinator bonded with 3 slashes' worth. */
export async function configuredSettlement(
  connection: Connection,
  n: number,
  { base = 0xc0c0_0000, bond = MIN_BOND }: { base?: number; bond?: bigint } = {},
): Promise<Configured> {
  const { networkHelpers } = connection;
  const settlement = await deploySettlement(connection);
  const members: Address[] = [];
  for (let i = 0; i < n; i++) {
    const m = memberAddress(i, base);
    await networkHelpers.impersonateAccount(m);
    await networkHelpers.setBalance(m, parseEther("1000"));
    await settlement.write.registerMember([m]);
    members.push(m);
  }
  const rho = defaultRho(n);
  await settlement.write.setCompetition([rho]);
  await settlement.write.setGamma([GAMMA, PHI_MIN]);
  await settlement.write.setLimits([MIN_BOND, DEBIT_CAP, STAKE, COORDINATOR_BOND]);
  await settlement.write.depositSubmit({ value: COORDINATOR_BOND * 3n });
  for (const m of members) await settlement.write.depositSubmit({ account: m, value: bond });
  await networkHelpers.time.increase(CHALLENGE_WINDOW);
  return { settlement, members, rho };
}

/** Opens `round` in `mode` with its seed hash. */
export async function open(settlement: Settlement, round: number, mode: Mode = Mode.PairRule): Promise<Hex> {
  return settlement.write.openRound([BigInt(round), seedHash(round), mode]);
}

/** Opens and commits a PairRule round with contributions `x`. */
export async function committed(settlement: Settlement, round: number, x: bigint[]): Promise<void> {
  await open(settlement, round);
  await settlement.write.commitContributions([BigInt(round), x, evidenceRoot(round)]);
}

export async function bondsOf(settlement: Settlement, accounts: Address[]): Promise<bigint[]> {
  return Promise.all(accounts.map((a) => settlement.read.bondOf([a])));
}

/** Contract balance: every bond plus nothing else (the contract refuses plain ether). */
export async function balanceOf(connection: Connection, address: Address): Promise<bigint> {
  const client = await connection.viem.getPublicClient();
  return client.getBalance({ address });
}

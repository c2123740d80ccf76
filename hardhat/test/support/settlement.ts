// Shared pieces of the CoCoGenSettlement tests: the settings, a configured deployment with any number of
// impersonated members, and the reference pair rule (BigInt, which truncates toward zero like Solidity).
import { getAddress, keccak256, parseEther, toHex, type Address } from "viem";

export const WAD = 10n ** 18n;
export const WEI_PER_UNIT = 10n ** 15n;
export const COMMIT_TIMEOUT = 3600n;
export const CHALLENGE_WINDOW = 600n;
export const ABSENCE_TIMEOUT = 7200n;
export const MIN_BOND = parseEther("10");
export const DEBIT_CAP = parseEther("6");
export const STAKE = parseEther("1");
export const COORDINATOR_BOND = parseEther("5");
export const GAMMA = WAD / 2n;
export const PHI_MIN = WAD;

export enum RoundStatus {
  None = 0,
  Open = 1,
  Committed = 2,
  Settled = 3,
  Rejected = 4,
  Abandoned = 5,
}

export enum Mode {
  PairRule = 0,
  NetVector = 1,
}

/** A round's validation seed hash and evidence root, distinct per round. */
export const seedHash = (round: number): `0x${string}` => keccak256(toHex(`seed/${round}`));
export const evidenceRoot = (round: number, salt = 0): `0x${string}` => keccak256(toHex(`evidence/${round}/${salt}`));

/** A deterministic member address; `base` keeps test files apart. */
export const memberAddress = (i: number, base = 0xc0c0_0000): Address =>
  getAddress(`0x${(base + i).toString(16).padStart(40, "0")}`);

/** Row-major n*n matrix with rho[i][j] = rho[j][i] = value(i, j) for i < j, zero diagonal. */
export function symmetricRho(n: number, value: (i: number, j: number) => bigint): bigint[] {
  const flat = new Array<bigint>(n * n).fill(0n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      flat[i * n + j] = value(i, j);
      flat[j * n + i] = value(i, j);
    }
  }
  return flat;
}

/**
 * The published pair rule, written independently of the contract: each unordered pair of round members
 * once, r = ((γρ/1e18)·(x_i − x_j)/1e18)·weiPerUnit/1e18 truncated toward zero, clamped to
 * ±floor(debitCap / (n − 1)), +r to i and −r to j.
 */
export function referenceNet(
  x: bigint[],
  active: boolean[],
  rhoFlat: bigint[],
  gammaWad: bigint,
  weiPerUnit: bigint,
  debitCap: bigint,
): bigint[] {
  const n = x.length;
  const net = new Array<bigint>(n).fill(0n);
  const count = active.filter(Boolean).length;
  if (count < 2) return net;
  const pairCap = debitCap / BigInt(count - 1);
  for (let i = 0; i < n; i++) {
    if (!active[i]) continue;
    for (let j = i + 1; j < n; j++) {
      if (!active[j]) continue;
      const rate = (gammaWad * rhoFlat[i * n + j]) / WAD;
      let r = (((rate * (x[i] - x[j])) / WAD) * weiPerUnit) / WAD;
      if (r > pairCap) r = pairCap;
      if (r < -pairCap) r = -pairCap;
      net[i] += r;
      net[j] -= r;
    }
  }
  return net;
}

// Shared pieces of the CoCoGenSettlement tests: profiles, the reference pair arithmetic (BigInt, which
// truncates toward zero like Solidity), and a symmetric competition matrix builder.
import { encodeAbiParameters, keccak256, type Hex } from "viem";

export const WAD = 10n ** 18n;
export const WINDOW = 3600n;
export const WEI_PER_UNIT = 10n ** 15n;

export enum RoundStatus {
  None = 0,
  Open = 1,
  Closed = 2,
  Disputed = 3,
  Settled = 4,
}

export interface Profile {
  localSamples: bigint;
  syntheticSamples: bigint;
  lossWad: bigint;
  contributionWad: bigint;
  weightsHash: Hex;
}

const profileAbi = [
  {
    type: "tuple",
    components: [
      { name: "localSamples", type: "uint64" },
      { name: "syntheticSamples", type: "uint64" },
      { name: "lossWad", type: "uint256" },
      { name: "contributionWad", type: "int256" },
      { name: "weightsHash", type: "bytes32" },
    ],
  },
] as const;

/** A profile whose weights hash is unique per (member, round, salt). */
export function profile(member: number, round: number, contributionWad: bigint, salt = 0): Profile {
  return {
    localSamples: BigInt(1000 + member),
    syntheticSamples: BigInt(100 * member),
    lossWad: WAD / BigInt(member + 2),
    contributionWad,
    weightsHash: keccak256(encodeAbiParameters([{ type: "string" }], [`weights/${member}/${round}/${salt}`])),
  };
}

/** The hash the contract stores and emits: keccak256(abi.encode(profile)). */
export function profileHash(p: Profile): Hex {
  return keccak256(encodeAbiParameters(profileAbi, [p]));
}

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

/** CONTRACT.md's exact pair arithmetic: each unordered pair once, +r to i and -r to j. */
export function referenceNet(
  x: bigint[],
  active: boolean[],
  rhoFlat: bigint[],
  gammaWad: bigint,
  weiPerUnit: bigint,
): bigint[] {
  const n = x.length;
  const net = new Array<bigint>(n).fill(0n);
  for (let i = 0; i < n; i++) {
    if (!active[i]) continue;
    for (let j = i + 1; j < n; j++) {
      if (!active[j]) continue;
      const rate = (gammaWad * rhoFlat[i * n + j]) / WAD;
      const rWad = (rate * (x[i] - x[j])) / WAD;
      const rWei = (rWad * weiPerUnit) / WAD;
      net[i] += rWei;
      net[j] -= rWei;
    }
  }
  return net;
}

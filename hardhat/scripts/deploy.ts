// Deploys CoCoGenSettlement from the network's first account (which becomes the coordinator) and
// prints {"address", "transactionHash", "blockNumber", "chainId"} as one JSON line.
//   hardhat/bin/hardhat run scripts/deploy.ts --network localhost
// Options (environment): COCOGEN_WEI_PER_UNIT (default 1e15), COCOGEN_COMMIT_TIMEOUT seconds (default 3600),
// COCOGEN_CHALLENGE_WINDOW seconds (default 30, the local default), COCOGEN_ABSENCE_TIMEOUT seconds (default 86400),
// COCOGEN_RPC_URL for --network cocogen (default http://127.0.0.1:8545).
import { network } from "hardhat";

function positiveInteger(name: string, fallback: bigint): bigint {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^[0-9]+$/.test(raw) || BigInt(raw) === 0n) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return BigInt(raw);
}

const weiPerUnit = positiveInteger("COCOGEN_WEI_PER_UNIT", 10n ** 15n);
const commitTimeout = positiveInteger("COCOGEN_COMMIT_TIMEOUT", 3600n);
const challengeWindow = positiveInteger("COCOGEN_CHALLENGE_WINDOW", 30n);
const absenceTimeout = positiveInteger("COCOGEN_ABSENCE_TIMEOUT", 86400n);

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const { contract, deploymentTransaction } = await viem.sendDeploymentTransaction("CoCoGenSettlement", [
  weiPerUnit,
  commitTimeout,
  challengeWindow,
  absenceTimeout,
]);
const receipt = await publicClient.waitForTransactionReceipt({ hash: deploymentTransaction.hash });
if (receipt.status !== "success") throw new Error(`deployment ${deploymentTransaction.hash} reverted`);
console.log(
  JSON.stringify({
    address: contract.address,
    transactionHash: deploymentTransaction.hash,
    blockNumber: receipt.blockNumber.toString(),
    chainId: await publicClient.getChainId(),
  }),
);

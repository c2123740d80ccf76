// Copies the Hardhat artifact of CoCoGenSettlement to ../contracts/artifacts/ (committed, read by the C#
// binding) and writes the sha256 of the Solidity source next to it, so a stale artifact is detectable.
// Run after `hardhat build`: `npm run artifact` or `bin/export-artifact`.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const hardhatRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const contractsRoot = path.resolve(hardhatRoot, "..", "contracts");
const source = path.join(contractsRoot, "CoCoGenSettlement.sol");
const built = path.join(hardhatRoot, "artifacts", "contracts", "CoCoGenSettlement.sol", "CoCoGenSettlement.json");
const outDir = path.join(contractsRoot, "artifacts");

const artifact = JSON.parse(readFileSync(built, "utf8"));
const exported = {
  _format: artifact._format,
  contractName: artifact.contractName,
  sourceName: artifact.sourceName,
  abi: artifact.abi,
  bytecode: artifact.bytecode,
  deployedBytecode: artifact.deployedBytecode,
  linkReferences: artifact.linkReferences,
  deployedLinkReferences: artifact.deployedLinkReferences,
};
if (exported.contractName !== "CoCoGenSettlement" || exported.bytecode.length < 4) {
  throw new Error(`unexpected artifact at ${built}`);
}
const sourceHash = createHash("sha256").update(readFileSync(source)).digest("hex");

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, "CoCoGenSettlement.json"), JSON.stringify(exported, null, 2) + "\n");
writeFileSync(path.join(outDir, "CoCoGenSettlement.source.sha256"), sourceHash + "\n");
console.log(`exported CoCoGenSettlement artifact (source sha256 ${sourceHash}) to ${outDir}`);

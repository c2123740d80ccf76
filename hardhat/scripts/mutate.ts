// Mutation check: applies deliberate bugs, one at a time, to a copy of CoCoGenSettlement.sol in a scratch
// Hardhat project (same config, tests and node_modules), runs the suite against each, and prints a table.
// A mutant is killed when a node:test test fails, else when a Solidity test fails or the invariant campaign
// settles no pair-rule round. Exits 1 when any mutant survives or does not compile (a mutant that does not
// build proves nothing). Run: hardhat/bin/mutate [--solidity-only] [name-filter]; --solidity-only skips the
// node:test layer, to see what the fuzz and invariant campaigns catch on their own.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const hardhatDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const contractsDir = path.resolve(hardhatDir, "..", "contracts");
const source = readFileSync(path.join(contractsDir, "CoCoGenSettlement.sol"), "utf8");
// The artifact test compares with the committed artifact (every mutant would "fail" it) and LocalNode
// starts a node: neither says anything about the mutant, so both stay out.
const nodeTests = [
  "test/node/CoCoGenSettlement.test.ts",
  "test/node/CoCoGenSettlementAttacks.test.ts",
  "test/node/CoCoGenSettlementVotes.test.ts",
  "test/node/CoCoGenSettlementScale.test.ts",
];

interface Mutant {
  name: string;
  find: string;
  replace: string;
}

const mutants: Mutant[] = [
  {
    name: "remove the withdrawal lock",
    find: "if (round != 0 && _lockedIn(round, msg.sender)) revert CoCoGenSettlementBondsLocked(msg.sender, round);",
    replace: "",
  },
  {
    name: "skip the coordinator check on commitContributions",
    find: "        external\n        onlyCoordinator\n    {",
    replace: "        external\n    {",
  },
  {
    name: "pay the wrong member (settlement shifted by one index)",
    find: "            address member = _members[i];\n            uint256 bond = _bonds[member];",
    replace: "            address member = _members[(i + 1) % n];\n            uint256 bond = _bonds[member];",
  },
  {
    name: "drop the challenge window",
    find: "uint64 challengeDeadline = uint64(block.timestamp) + challengeWindow;",
    replace: "uint64 challengeDeadline = uint64(block.timestamp);",
  },
  {
    name: "off-by-one: abandon at the commit deadline",
    find: "if (block.timestamp <= r.commitDeadline) revert",
    replace: "if (block.timestamp < r.commitDeadline) revert",
  },
  {
    name: "off-by-one: votes close one second early",
    find: "if (block.timestamp > r.challengeDeadline) {",
    replace: "if (block.timestamp >= r.challengeDeadline) {",
  },
  {
    name: "reject without a strict majority (half suffices)",
    find: "uint256 needed = active / 2 + 1;\n        emit RoundChallenged",
    replace: "uint256 needed = (active + 1) / 2;\n        emit RoundChallenged",
  },
  {
    name: "no debit cap in the pair rule",
    find: "        if (rWei > pairCap) return pairCap;\n        if (rWei < -pairCap) return -pairCap;\n",
    replace: "",
  },
  {
    name: "no debit cap on a net vector",
    find: "if (net < 0 && uint256(-net) > cap) revert CoCoGenSettlementDebitAboveCap(_members[i], uint256(-net), cap);",
    replace: "",
  },
  {
    name: "the coordinator may register itself as a member",
    find: "if (member == coordinator || member == pendingCoordinator) revert CoCoGenSettlementCoordinatorIsMember(member);",
    replace: "",
  },
  {
    name: "no minimum bond at open",
    find: "if (bond < minBond) {",
    replace: "if (false) {",
  },
  {
    name: "forfeited stakes are not paid out",
    find: "                moved += int256(bonus);\n",
    replace: "",
  },
  {
    name: "members replace a coordinator that is not absent",
    find: "if (block.timestamp <= absentFrom) revert CoCoGenSettlementCoordinatorNotAbsent(activeAt, absentFrom);",
    replace: "",
  },
  {
    name: "exit only between rounds (the old lock-in)",
    find: "function exitMembership() external {",
    replace: "function exitMembership() external whenNoActiveRound {",
  },
  {
    name: "no re-entrancy guard on withdraw",
    find: "function withdraw(uint256 amountWei) external nonReentrant {",
    replace: "function withdraw(uint256 amountWei) external {",
  },
];

const args = process.argv.slice(2);
const solidityOnly = args.includes("--solidity-only");
const filter = args.find((a) => !a.startsWith("--"));
const selected = filter === undefined ? mutants : mutants.filter((m) => m.name.includes(filter));
if (selected.length === 0) {
  console.error(`mutate: no mutant matches "${filter}"`);
  process.exit(2);
}

/** A scratch project: the real config, tests and packages; its own contracts/ with the mutated source. */
function scratchProject(mutated: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cocogen-mutant-"));
  for (const entry of ["hardhat.config.ts", "package.json", "tsconfig.json", "test"]) {
    const from = path.join(hardhatDir, entry);
    if (existsSync(from)) cpSync(from, path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(hardhatDir, "node_modules"), path.join(dir, "node_modules"));
  cpSync(path.join(contractsDir, "test"), path.join(dir, "contracts", "test"), { recursive: true });
  writeFileSync(path.join(dir, "contracts", "CoCoGenSettlement.sol"), mutated);
  return dir;
}

function hardhat(dir: string, args: string[]): { code: number; output: string } {
  const result = spawnSync(process.execPath, [path.join(dir, "node_modules", "hardhat", "dist", "src", "cli.js"), ...args], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** The first failing test's title, from Hardhat's "  1) suite\n       title:" block. */
function firstFailure(output: string): string {
  const failures = output.slice(output.search(/\d+ failing/));
  const match = failures.match(/\n\s+1\) ([^\n]+)\n\s+([^\n]+?):?\n/);
  return match ? `${match[1].trim()} › ${match[2].trim()}`.slice(0, 140) : "a failing test";
}

const rows: string[] = [];
let survivors = 0;
for (const [i, mutant] of selected.entries()) {
  const occurrences = source.split(mutant.find).length - 1;
  if (occurrences !== 1) {
    console.error(`mutate: "${mutant.name}" matches ${occurrences} places, expected 1`);
    process.exit(1);
  }
  const dir = scratchProject(source.replace(mutant.find, mutant.replace));
  const started = Date.now();
  let verdict: string;
  let killedBy: string;
  try {
    const build = hardhat(dir, ["build", "--quiet"]);
    if (build.code !== 0) {
      verdict = "DOES NOT COMPILE";
      killedBy = build.output.split("\n").find((l) => l.includes("Error")) ?? "build failed";
      survivors++;
    } else {
      const node = solidityOnly ? { code: 0, output: "" } : hardhat(dir, ["test", "nodejs", ...nodeTests]);
      if (node.code !== 0) {
        verdict = "killed";
        killedBy = `node:test: ${firstFailure(node.output)}`;
      } else {
        const solidity = hardhat(dir, ["test", "solidity"]);
        const stats = path.join(dir, "cache", "invariant-stats.txt");
        const pairSettled = existsSync(stats)
          ? readFileSync(stats, "utf8").trim().split("\n").reduce((s, line) => s + Number(line.split(" ")[1] ?? 0), 0)
          : 0;
        if (solidity.code !== 0) {
          verdict = "killed";
          killedBy = `Solidity: ${firstFailure(solidity.output)}`;
        } else if (pairSettled === 0) {
          verdict = "killed";
          killedBy = "invariant campaign settled no pair-rule round";
        } else {
          verdict = "SURVIVED";
          killedBy = "-";
          survivors++;
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const row = `| ${i + 1} | ${mutant.name} | ${verdict} | ${killedBy.replaceAll("|", "/")} | ${seconds} |`;
  console.log(row);
  rows.push(row);
}

console.log("");
console.log("| # | mutant | verdict | first failure | s |");
console.log("|---:|---|---|---|---:|");
for (const row of rows) console.log(row);
console.log(`mutants: ${selected.length}, killed: ${selected.length - survivors}, survived or invalid: ${survivors}`);
process.exit(survivors === 0 ? 0 : 1);

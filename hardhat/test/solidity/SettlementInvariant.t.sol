// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CoCoGenSettlement} from "../../contracts/CoCoGenSettlement.sol";
import {ReentrantWithdrawer} from "../../contracts/test/ReentrantWithdrawer.sol";
import {SettlementTestBase} from "./Vm.sol";

/**
 * @notice Drives one settlement through random sequences of deposits, withdrawals, rounds, profiles
 * (matching and mismatching), deadline closes, settlements and exits. It is the coordinator, acts for
 * five EOA members and one re-entrant contract member, and counts the calls that succeeded so the
 * invariants cannot hold vacuously.
 */
contract SettlementHandler is SettlementTestBase {
    uint256 private constant WAD = 1e18;
    uint256 public constant EOA_MEMBERS = 5;

    CoCoGenSettlement public immutable settlement;
    ReentrantWithdrawer public immutable attacker;
    address[] public actors;

    uint256 public successfulCalls;
    uint256 public settledRounds;
    uint256 public ghostDeposited;
    uint256 public ghostPaidOut;
    /// @dev Largest |sum of nets| seen at any settlement (must stay 0).
    uint256 public maxNetResidual;
    uint256 private nonce;

    constructor() {
        settlement = new CoCoGenSettlement(1e15, 600);
        attacker = new ReentrantWithdrawer(settlement);
        for (uint256 i = 0; i < EOA_MEMBERS; ++i) actors.push(address(uint160(0xA11CE000 + i)));
        actors.push(address(attacker));
        uint256 n = actors.length;
        uint256[] memory rho = new uint256[](n * n);
        for (uint256 i = 0; i < n; ++i) {
            settlement.registerMember(actors[i]);
            for (uint256 j = i + 1; j < n; ++j) {
                rho[i * n + j] = WAD * (1 + i + j) / (2 * n);
                rho[j * n + i] = rho[i * n + j];
            }
        }
        settlement.setCompetition(rho);
        settlement.setGamma(WAD / 2, WAD);
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function deposit(uint256 actorSeed, uint256 amount) external {
        address actor = actors[actorSeed % actors.length];
        amount = bound(amount, 1, 1e24);
        if (actor == address(attacker)) {
            vm.deal(address(this), amount);
            try attacker.deposit{value: amount}() {
                record(amount, 0);
            } catch {}
            return;
        }
        vm.deal(actor, amount);
        vm.prank(actor);
        try settlement.depositSubmit{value: amount}() {
            record(amount, 0);
        } catch {}
    }

    function withdraw(uint256 actorSeed, uint256 amount) external {
        address actor = actors[actorSeed % actors.length];
        uint256 bond = settlement.bondOf(actor);
        amount = bound(amount, 1, bond == 0 ? 1 : bond);
        uint256 before = actor.balance;
        if (actor == address(attacker)) {
            try attacker.withdraw(amount) {
                record(0, actor.balance - before);
            } catch {}
            return;
        }
        vm.prank(actor);
        try settlement.withdraw(amount) {
            record(0, actor.balance - before);
        } catch {}
    }

    function openRound() external {
        try settlement.openRound(settlement.lastRound() + 1) {
            record(0, 0);
        } catch {}
    }

    /// @dev The coordinator records, and the member submits, a profile; `honest` false inflates it.
    function submit(uint256 actorSeed, int256 x, bool honest, bool recordIt) external {
        uint256 index = actorSeed % EOA_MEMBERS;
        address actor = actors[index];
        uint256 round = settlement.activeRound();
        x = boundSigned(x, -1e24, 1e24);
        CoCoGenSettlement.Profile memory p = CoCoGenSettlement.Profile({
            localSamples: uint64(100 + index),
            syntheticSamples: 7,
            lossWad: WAD / 3,
            contributionWad: x,
            weightsHash: keccak256(abi.encode(actor, round, ++nonce))
        });
        if (recordIt) {
            try settlement.profileRecord(round, actor, p) {
                record(0, 0);
            } catch {}
        }
        if (!honest) p.contributionWad = x + 1;
        vm.prank(actor);
        try settlement.contributionSubmit(round, p) {
            record(0, 0);
        } catch {}
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 1200));
        record(0, 0);
    }

    function closeRound() external {
        try settlement.closeRound(settlement.activeRound()) {
            record(0, 0);
        } catch {}
    }

    function payoffTransfer() external {
        uint256 round = settlement.activeRound();
        if (settlement.roundStatus(round) != CoCoGenSettlement.RoundStatus.Closed) return;
        int256[] memory net = settlement.payoffCalculate(round);
        int256 sum = 0;
        for (uint256 i = 0; i < net.length; ++i) sum += net[i];
        uint256 residual = sum < 0 ? uint256(-sum) : uint256(sum);
        if (residual > maxNetResidual) maxNetResidual = residual;
        try settlement.payoffTransfer(round) {
            ++settledRounds;
            record(0, 0);
        } catch (bytes memory reason) {
            // The protocol's answer to an uncovered payer: it tops up its bond, then settlement is retried.
            if (bytes4(reason) != CoCoGenSettlement.CoCoGenSettlementUncoveredPayer.selector) return;
            (address payer, uint256 bond, uint256 debit) = abi.decode(slice4(reason), (address, uint256, uint256));
            vm.deal(payer, debit - bond);
            vm.prank(payer);
            settlement.depositSubmit{value: debit - bond}();
            record(debit - bond, 0);
            this.payoffTransfer();
        }
    }

    /// @dev Revert data without its 4-byte selector.
    function slice4(bytes memory data) private pure returns (bytes memory rest) {
        rest = new bytes(data.length - 4);
        for (uint256 i = 0; i < rest.length; ++i) rest[i] = data[i + 4];
    }

    /// @dev A whole honest round in one call (open, every current member records and submits, close,
    /// settle), so sequences reach settlement often; each step that succeeds counts.
    function fullRound(uint256 seed) external {
        uint256 round = settlement.lastRound() + 1;
        try settlement.openRound(round) {
            record(0, 0);
        } catch {
            return;
        }
        for (uint256 i = 0; i < EOA_MEMBERS; ++i) {
            address actor = actors[i];
            if (!settlement.isMember(actor)) continue;
            CoCoGenSettlement.Profile memory p = CoCoGenSettlement.Profile({
                localSamples: uint64(100 + i),
                syntheticSamples: 3,
                lossWad: WAD / 5,
                contributionWad: boundSigned(int256(uint256(keccak256(abi.encode(seed, i)))), -1e21, 1e21),
                weightsHash: keccak256(abi.encode(actor, round, ++nonce))
            });
            settlement.profileRecord(round, actor, p);
            vm.prank(actor);
            settlement.contributionSubmit(round, p);
            record(0, 0);
        }
        vm.warp(settlement.roundDeadline(round) + 1);
        settlement.closeRound(round);
        record(0, 0);
        this.payoffTransfer();
    }

    function exitMembership(uint256 actorSeed) external {
        // Rarely: keep most members in so rounds keep happening.
        if (actorSeed % 16 != 0) return;
        address actor = actors[(actorSeed / 16) % EOA_MEMBERS];
        vm.prank(actor);
        try settlement.exitMembership() {
            record(0, 0);
        } catch {}
    }

    function record(uint256 deposited, uint256 paidOut) private {
        ++successfulCalls;
        ghostDeposited += deposited;
        ghostPaidOut += paidOut;
    }

    /// @dev Lets the handler fund the attacker's deposits.
    receive() external payable {}
}

/**
 * @notice Money is conserved and the re-entrant member never gains, over random call sequences.
 */
contract SettlementInvariantTest is SettlementTestBase {
    /// @dev Allowed by test.solidity.fsPermissions in hardhat.config.ts.
    string private constant STATS_FILE = "cache/invariant-stats.txt";
    SettlementHandler private handler;

    function setUp() public {
        handler = new SettlementHandler();
    }

    /// @dev Shape the invariant fuzzer reads from targetSelectors().
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    /// @notice Only the handler is called by the invariant fuzzer.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @notice Only the handler's actions, not its views, are fuzzed.
    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](9);
        selectors[0] = SettlementHandler.deposit.selector;
        selectors[1] = SettlementHandler.withdraw.selector;
        selectors[2] = SettlementHandler.openRound.selector;
        selectors[3] = SettlementHandler.submit.selector;
        selectors[4] = SettlementHandler.warp.selector;
        selectors[5] = SettlementHandler.closeRound.selector;
        selectors[6] = SettlementHandler.payoffTransfer.selector;
        selectors[7] = SettlementHandler.fullRound.selector;
        selectors[8] = SettlementHandler.exitMembership.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector({addr: address(handler), selectors: selectors});
    }

    /// @notice After every call of every run: sum of bonds + sum withdrawn = sum deposited (each equal to
    /// what the handler saw move), the contract holds every bond, every settlement's nets summed to 0 wei,
    /// and the re-entrant member never completed a nested withdraw.
    function invariant_settlement() public view {
        CoCoGenSettlement settlement = handler.settlement();
        uint256 bonds = 0;
        uint256 n = settlement.memberCount();
        for (uint256 i = 0; i < n; ++i) bonds += settlement.bondOf(settlement.memberAt(i));
        uint256 deposited = settlement.totalDeposited();
        uint256 withdrawn = settlement.totalWithdrawn();
        assertEq(deposited, handler.ghostDeposited(), "totalDeposited = deposits made");
        assertEq(withdrawn, handler.ghostPaidOut(), "totalWithdrawn = ether received by members");
        assertEq(bonds + withdrawn, deposited, "bonds + withdrawn = deposited");
        assertTrue(bonds <= address(settlement).balance, "bonds covered by the balance");
        assertEq(address(settlement).balance, deposited - withdrawn, "balance = deposited - withdrawn");
        assertEq(handler.maxNetResidual(), 0, "max residual of sum(net) in wei");
        assertEq(handler.attacker().reentrySuccesses(), 0, "successful re-entries");
    }

    /// @notice Runs after each invariant run: the sequence did something, so the invariants were not vacuous.
    /// Appends "successfulCalls settledRounds reentryAttempts" to STATS_FILE for hardhat/test.sh's summary.
    function afterInvariant() public {
        assertTrue(handler.successfulCalls() > 0, "successful handler calls in the run");
        vm.writeLine(
            STATS_FILE,
            string.concat(
                vm.toString(handler.successfulCalls()),
                " ",
                vm.toString(handler.settledRounds()),
                " ",
                vm.toString(handler.attacker().reentryAttempts())
            )
        );
    }
}

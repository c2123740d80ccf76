// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CoCoGenSettlement} from "../../contracts/CoCoGenSettlement.sol";
import {ReentrantWithdrawer} from "../../contracts/test/ReentrantWithdrawer.sol";
import {SettlementTestBase} from "./Vm.sol";

/// @notice Fuzz tests of the settlement's arithmetic and guards, with inputs pushed to the accepted extremes.
contract SettlementFuzzTest is SettlementTestBase {
    uint256 private constant WAD = 1e18;
    int256 private constant MAX_X = 1e30;
    uint64 private constant WINDOW = 600;

    CoCoGenSettlement private settlement;

    /// @dev An extreme-leaning pick: the bounds, zero, +-1, or an arbitrary value in range.
    function extremeX(uint256 seed) private pure returns (int256) {
        uint256 kind = seed % 8;
        if (kind == 0) return MAX_X;
        if (kind == 1) return -MAX_X;
        if (kind == 2) return 0;
        if (kind == 3) return 1;
        if (kind == 4) return -1;
        return boundSigned(int256(uint256(keccak256(abi.encode(seed)))), -MAX_X, MAX_X);
    }

    function extremeUnsigned(uint256 seed, uint256 max) private pure returns (uint256) {
        uint256 kind = seed % 5;
        if (kind == 0) return max;
        if (kind == 1) return 0;
        if (kind == 2) return 1;
        return bound(uint256(keccak256(abi.encode(seed, max))), 0, max);
    }

    function member(uint256 i) private pure returns (address) {
        return address(uint160(0xC0C0_0000 + i));
    }

    function profileOf(uint256 i, uint256 round, int256 x) private pure returns (CoCoGenSettlement.Profile memory) {
        return CoCoGenSettlement.Profile({
            localSamples: uint64(1000 + i),
            syntheticSamples: uint64(10 * i),
            lossWad: WAD / (i + 1),
            contributionWad: x,
            weightsHash: keccak256(abi.encode("weights", i, round))
        });
    }

    /// @dev Deploys, registers n members with `rho` and `gamma`, opens round 1 and records/submits `x`.
    function closedRound(uint256 weiPerUnit, uint256 gamma, uint256[] memory rho, int256[] memory x) private {
        uint256 n = x.length;
        settlement = new CoCoGenSettlement(weiPerUnit, WINDOW);
        for (uint256 i = 0; i < n; ++i) settlement.registerMember(member(i));
        settlement.setCompetition(rho);
        settlement.setGamma(gamma, gamma);
        settlement.openRound(1);
        for (uint256 i = 0; i < n; ++i) {
            CoCoGenSettlement.Profile memory p = profileOf(i, 1, x[i]);
            settlement.profileRecord(1, member(i), p);
            vm.prank(member(i));
            settlement.contributionSubmit(1, p);
        }
        settlement.closeRound(1);
    }

    function randomInputs(uint256 seed, uint256 n)
        private
        pure
        returns (uint256 weiPerUnit, uint256 gamma, uint256[] memory rho, int256[] memory x)
    {
        weiPerUnit = extremeUnsigned(uint256(keccak256(abi.encode(seed, "w"))), 1e30);
        if (weiPerUnit == 0) weiPerUnit = 1;
        gamma = extremeUnsigned(uint256(keccak256(abi.encode(seed, "g"))), 1e30);
        rho = new uint256[](n * n);
        x = new int256[](n);
        for (uint256 i = 0; i < n; ++i) {
            x[i] = extremeX(uint256(keccak256(abi.encode(seed, "x", i))));
            for (uint256 j = i + 1; j < n; ++j) {
                uint256 r = extremeUnsigned(uint256(keccak256(abi.encode(seed, "rho", i, j))), WAD);
                rho[i * n + j] = r;
                rho[j * n + i] = r;
            }
        }
    }

    /// @dev CONTRACT.md's pair transfer, computed independently of the contract.
    function pairWei(uint256 weiPerUnit, uint256 gamma, uint256 rho, int256 xi, int256 xj)
        private
        pure
        returns (int256)
    {
        int256 rate = int256(gamma * rho / WAD);
        return rate * (xi - xj) / int256(WAD) * int256(weiPerUnit) / int256(WAD);
    }

    /// @notice Sum of nets is 0 wei and each net equals the independent pair sum, for extreme inputs.
    function testFuzz_budgetBalancedAndExact(uint256 seed, uint8 size) public {
        uint256 n = bound(size, 2, 8);
        (uint256 weiPerUnit, uint256 gamma, uint256[] memory rho, int256[] memory x) = randomInputs(seed, n);
        closedRound(weiPerUnit, gamma, rho, x);
        int256[] memory net = settlement.payoffCalculate(1);
        int256 sum = 0;
        for (uint256 i = 0; i < n; ++i) {
            int256 expected = 0;
            for (uint256 j = 0; j < n; ++j) {
                if (j != i) expected += pairWei(weiPerUnit, gamma, rho[i * n + j], x[i], x[j]);
            }
            assertEq(net[i], expected, "net equals sum of r_ij over j");
            sum += net[i];
        }
        assertEq(sum, 0, "sum of nets in wei");
    }

    /// @notice r_ij = -r_ji: swapping the two members' contributions flips every transfer exactly.
    function testFuzz_pairTransferAntisymmetric(uint256 seedI, uint256 seedJ, uint256 seedRho, uint256 seedGamma, uint256 seedW)
        public
    {
        int256 xi = extremeX(seedI);
        int256 xj = extremeX(seedJ);
        uint256 rho = extremeUnsigned(seedRho, WAD);
        uint256 gamma = extremeUnsigned(seedGamma, 1e30);
        uint256 weiPerUnit = extremeUnsigned(seedW, 1e30);
        if (weiPerUnit == 0) weiPerUnit = 1;
        uint256[] memory rhoFlat = new uint256[](4);
        rhoFlat[1] = rho;
        rhoFlat[2] = rho;
        int256[] memory x = new int256[](2);
        x[0] = xi;
        x[1] = xj;
        closedRound(weiPerUnit, gamma, rhoFlat, x);
        int256[] memory forward = settlement.payoffCalculate(1);
        x[0] = xj;
        x[1] = xi;
        closedRound(weiPerUnit, gamma, rhoFlat, x);
        int256[] memory swapped = settlement.payoffCalculate(1);
        assertEq(forward[0], pairWei(weiPerUnit, gamma, rho, xi, xj), "r_01");
        assertEq(forward[0], -forward[1], "r_01 = -r_10 within a round");
        assertEq(swapped[1], -forward[1], "r_ij = -r_ji under swapped contributions");
        assertEq(swapped[0], -forward[0], "r_ji = -r_ij under swapped contributions");
    }

    /// @notice Settlement moves bonds by exactly the nets; total bonds and the contract balance are unchanged.
    function testFuzz_transferConservesBonds(uint256 seed, uint8 size) public {
        uint256 n = bound(size, 2, 6);
        (uint256 weiPerUnit, uint256 gamma, uint256[] memory rho, int256[] memory x) = randomInputs(seed, n);
        closedRound(weiPerUnit, gamma, rho, x);
        int256[] memory net = settlement.payoffCalculate(1);
        // Bonds cover the worst case: 63 pairs * 2e30 * 1e30 / 1e18 * 1e30 / 1e18 < 2e57 wei.
        uint256 bond = 1e58;
        for (uint256 i = 0; i < n; ++i) {
            vm.deal(member(i), bond);
            vm.prank(member(i));
            settlement.depositSubmit{value: bond}();
        }
        settlement.payoffTransfer(1);
        uint256 total = 0;
        for (uint256 i = 0; i < n; ++i) {
            uint256 b = settlement.bondOf(member(i));
            assertEq(int256(b) - int256(bond), net[i], "bond moved by net");
            total += b;
        }
        assertEq(total, bond * n, "sum of bonds");
        assertEq(address(settlement).balance, bond * n, "contract balance");
        assertEq(uint256(settlement.roundStatus(1)), uint256(CoCoGenSettlement.RoundStatus.Settled), "status");
    }

    /// @notice A payer whose bond is short makes settlement revert naming the first such payer; nothing changes.
    function testFuzz_uncoveredPayerChangesNothing(uint256 seed, uint256 bondSeed) public {
        uint256 n = 4;
        (uint256 weiPerUnit, uint256 gamma, uint256[] memory rho, int256[] memory x) = randomInputs(seed, n);
        closedRound(weiPerUnit, gamma, rho, x);
        int256[] memory net = settlement.payoffCalculate(1);
        uint256[] memory bonds = new uint256[](n);
        address firstUncovered = address(0);
        uint256 firstDebit = 0;
        for (uint256 i = 0; i < n; ++i) {
            bonds[i] = 1 + uint256(keccak256(abi.encode(bondSeed, i))) % 1e40;
            vm.deal(member(i), bonds[i]);
            vm.prank(member(i));
            settlement.depositSubmit{value: bonds[i]}();
            if (firstUncovered == address(0) && net[i] < 0 && uint256(-net[i]) > bonds[i]) {
                firstUncovered = member(i);
                firstDebit = uint256(-net[i]);
            }
        }
        vm.assume(firstUncovered != address(0));
        uint256 index = uint160(firstUncovered) - 0xC0C0_0000;
        vm.expectRevert(
            abi.encodeWithSelector(
                CoCoGenSettlement.CoCoGenSettlementUncoveredPayer.selector, firstUncovered, bonds[index], firstDebit
            )
        );
        settlement.payoffTransfer(1);
        for (uint256 i = 0; i < n; ++i) assertEq(settlement.bondOf(member(i)), bonds[i], "bond unchanged");
        assertEq(uint256(settlement.roundStatus(1)), uint256(CoCoGenSettlement.RoundStatus.Closed), "still Closed");
        assertEq(settlement.activeRound(), 1, "bonds still locked");
    }

    /// @notice Before the deadline only the coordinator closes, and only with all in; after it anyone does,
    /// and the members that did not submit count x = 0.
    function testFuzz_deadlineClose(uint256 seed, uint256 submitMask, uint256 early, uint256 closerSeed) public {
        uint256 n = 5;
        address closer = address(uint160(uint256(keccak256(abi.encode("closer", closerSeed)))));
        settlement = new CoCoGenSettlement(1e15, WINDOW);
        uint256[] memory rho = new uint256[](n * n);
        for (uint256 i = 0; i < n; ++i) {
            settlement.registerMember(member(i));
            for (uint256 j = 0; j < n; ++j) if (i != j) rho[i * n + j] = WAD / 4;
        }
        settlement.setCompetition(rho);
        settlement.setGamma(WAD, WAD);
        settlement.openRound(1);
        uint64 deadline = settlement.roundDeadline(1);
        uint256 submitted = 0;
        int256[] memory x = new int256[](n);
        for (uint256 i = 0; i < n; ++i) {
            if (submitMask & (1 << i) == 0) continue;
            x[i] = extremeX(uint256(keccak256(abi.encode(seed, i))));
            CoCoGenSettlement.Profile memory p = profileOf(i, 1, x[i]);
            settlement.profileRecord(1, member(i), p);
            vm.prank(member(i));
            settlement.contributionSubmit(1, p);
            ++submitted;
        }
        vm.warp(bound(early, block.timestamp, deadline));
        vm.expectRevert(
            abi.encodeWithSelector(
                CoCoGenSettlement.CoCoGenSettlementRoundNotClosable.selector, uint256(1), deadline, submitted, n
            )
        );
        vm.prank(closer);
        settlement.closeRound(1);
        vm.warp(uint256(deadline) + 1 + early % 1e6);
        vm.prank(closer);
        settlement.closeRound(1);
        assertEq(uint256(settlement.roundStatus(1)), uint256(CoCoGenSettlement.RoundStatus.Closed), "closed");
        int256[] memory net = settlement.payoffCalculate(1);
        int256 sum = 0;
        for (uint256 i = 0; i < n; ++i) {
            int256 expected = 0;
            for (uint256 j = 0; j < n; ++j) if (j != i) expected += pairWei(1e15, WAD, WAD / 4, x[i], x[j]);
            assertEq(net[i], expected, "non-submitters count x = 0");
            sum += net[i];
        }
        assertEq(sum, 0, "sum of nets");
    }

    /// @notice A profile (same weights hash) used in one round is rejected in the next, whatever else changes.
    function testFuzz_replayRejected(bytes32 weightsHash, int256 x1, int256 x2, uint64 samples) public {
        vm.assume(weightsHash != bytes32(0));
        x1 = boundSigned(x1, -MAX_X, MAX_X);
        x2 = boundSigned(x2, -MAX_X, MAX_X);
        settlement = new CoCoGenSettlement(1, WINDOW);
        settlement.registerMember(member(0));
        settlement.openRound(1);
        CoCoGenSettlement.Profile memory p = CoCoGenSettlement.Profile(samples, 0, WAD, x1, weightsHash);
        settlement.profileRecord(1, member(0), p);
        vm.prank(member(0));
        settlement.contributionSubmit(1, p);
        settlement.closeRound(1);
        settlement.payoffTransfer(1);
        settlement.openRound(2);
        p.contributionWad = x2;
        vm.expectRevert(
            abi.encodeWithSelector(
                CoCoGenSettlement.CoCoGenSettlementProfileReplayed.selector, member(0), weightsHash, uint256(1)
            )
        );
        vm.prank(member(0));
        settlement.contributionSubmit(2, p);
        vm.expectRevert(
            abi.encodeWithSelector(
                CoCoGenSettlement.CoCoGenSettlementProfileReplayed.selector, member(0), weightsHash, uint256(1)
            )
        );
        settlement.profileRecord(2, member(0), p);
    }

    /// @notice A contract re-entering withdraw from its receive hook gets exactly what it asked for once.
    function testFuzz_reentrantWithdrawGetsNothingExtra(uint256 deposit, uint256 amount) public {
        deposit = bound(deposit, 1, 1e30);
        amount = bound(amount, 1, deposit);
        settlement = new CoCoGenSettlement(1, WINDOW);
        ReentrantWithdrawer attacker = new ReentrantWithdrawer(settlement);
        settlement.registerMember(address(attacker));
        vm.deal(address(this), deposit);
        attacker.deposit{value: deposit}();
        attacker.withdraw(amount);
        assertEq(address(attacker).balance, amount, "attacker received exactly the amount");
        assertEq(settlement.bondOf(address(attacker)), deposit - amount, "bond debited once");
        assertEq(address(settlement).balance, deposit - amount, "contract keeps the rest");
        assertEq(attacker.reentryAttempts(), 1, "re-entry attempted");
        assertEq(attacker.reentrySuccesses(), 0, "re-entry failed");
        assertTrue(
            keccak256(attacker.lastReentryError()) == keccak256(abi.encodeWithSignature("ReentrancyGuardReentrantCall()")),
            "re-entry stopped by the guard"
        );
    }
}

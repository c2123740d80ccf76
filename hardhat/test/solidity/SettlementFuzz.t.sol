// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CoCoGenSettlement} from "../../contracts/CoCoGenSettlement.sol";
import {SettlementTestBase} from "./Vm.sol";

/// @notice Fuzz tests of what any commitment the coordinator may post can do to the bonds, with inputs
/// pushed to the accepted extremes: nothing beyond the published rule and the debit cap.
contract SettlementFuzzTest is SettlementTestBase {
    uint256 private constant WAD = 1e18;
    int256 private constant MAX_X = 1e30;
    uint64 private constant TIMEOUT = 600;
    uint64 private constant WINDOW = 60;
    uint256 private constant STAKE = 1;

    CoCoGenSettlement private settlement;

    function extremeX(uint256 seed) private pure returns (int256) {
        uint256 kind = seed % 8;
        if (kind == 0) return MAX_X;
        if (kind == 1) return -MAX_X;
        if (kind == 2) return 0;
        if (kind == 3) return 1;
        if (kind == 4) return -1;
        return boundSigned(int256(uint256(keccak256(abi.encode(seed)))), -MAX_X, MAX_X);
    }

    function extremeUnsigned(uint256 seed, uint256 min, uint256 max) private pure returns (uint256) {
        uint256 kind = seed % 5;
        if (kind == 0) return max;
        if (kind == 1) return min;
        if (kind == 2) return min + 1 <= max ? min + 1 : max;
        return bound(uint256(keccak256(abi.encode(seed, max))), min, max);
    }

    function member(uint256 i) private pure returns (address) {
        return address(uint160(0xC0C0_0000 + i));
    }

    /// @dev n members bonded with `bond` (>= minBond = cap + STAKE), the rule set, round 1 open in `mode`.
    function openRound(uint256 n, uint256 weiPerUnit, uint256 gamma, uint256[] memory rho, uint256 cap, uint256 bond, CoCoGenSettlement.SettlementMode mode)
        private
    {
        settlement = new CoCoGenSettlement(weiPerUnit, TIMEOUT, WINDOW, TIMEOUT + WINDOW);
        for (uint256 i = 0; i < n; ++i) settlement.registerMember(member(i));
        settlement.setCompetition(rho);
        settlement.setGamma(gamma, gamma);
        settlement.setLimits(cap + STAKE, cap, STAKE, 1);
        vm.deal(address(this), 1);
        settlement.depositSubmit{value: 1}();
        for (uint256 i = 0; i < n; ++i) {
            vm.deal(member(i), bond);
            vm.prank(member(i));
            settlement.depositSubmit{value: bond}();
        }
        vm.warp(block.timestamp + WINDOW);
        settlement.openRound(1, keccak256("seed"), mode);
    }

    /// @dev The published rule, written out plainly (each division truncates toward zero, then the clamp).
    function referenceNet(int256[] memory x, uint256[] memory rho, uint256 gamma, uint256 weiPerUnit, uint256 cap)
        private
        pure
        returns (int256[] memory net)
    {
        uint256 n = x.length;
        net = new int256[](n);
        int256 pairCap = int256(cap / (n - 1));
        for (uint256 i = 0; i < n; ++i) {
            for (uint256 j = i + 1; j < n; ++j) {
                int256 rate = int256(gamma * rho[i * n + j] / WAD);
                int256 r = rate * (x[i] - x[j]) / 1e18 * int256(weiPerUnit) / 1e18;
                if (r > pairCap) r = pairCap;
                if (r < -pairCap) r = -pairCap;
                net[i] += r;
                net[j] -= r;
            }
        }
    }

    /// @notice Any contributions the coordinator commits move each bond by exactly the rule, no debit
    /// above the cap, and the nets sum to 0 wei (2-8 members, extreme x, gamma, rho, weiPerUnit, cap).
    function testFuzz_pairRuleMovesExactlyTheRule(uint256 seed) public {
        uint256 n = 2 + seed % 7;
        uint256 weiPerUnit = extremeUnsigned(uint256(keccak256(abi.encode(seed, "w"))), 1, 1e30);
        uint256 gamma = extremeUnsigned(uint256(keccak256(abi.encode(seed, "g"))), 0, 1e30);
        uint256 cap = extremeUnsigned(uint256(keccak256(abi.encode(seed, "c"))), 1, 1e30);
        uint256[] memory rho = new uint256[](n * n);
        int256[] memory x = new int256[](n);
        for (uint256 i = 0; i < n; ++i) {
            x[i] = extremeX(uint256(keccak256(abi.encode(seed, "x", i))));
            for (uint256 j = i + 1; j < n; ++j) {
                rho[i * n + j] = extremeUnsigned(uint256(keccak256(abi.encode(seed, "rho", i, j))), 0, WAD);
                rho[j * n + i] = rho[i * n + j];
            }
        }
        uint256 bond = cap + STAKE;
        openRound(n, weiPerUnit, gamma, rho, cap, bond, CoCoGenSettlement.SettlementMode.PairRule);
        settlement.commitContributions(1, x, keccak256("evidence"));
        vm.warp(block.timestamp + WINDOW + 1);
        settlement.settleRound(1);
        int256[] memory expected = referenceNet(x, rho, gamma, weiPerUnit, cap);
        int256 sum = 0;
        for (uint256 i = 0; i < n; ++i) {
            sum += expected[i];
            assertTrue(expected[i] >= -int256(cap), "debit within the cap");
            assertEq(int256(settlement.bondOf(member(i))), int256(bond) + expected[i], "bond moved by the rule");
        }
        assertEq(sum, 0, "sum of nets in wei");
    }

    /// @notice Any net vector the coordinator may post either reverts, changing nothing, or is balanced
    /// with every debit within the cap, and then moves each bond by exactly its entry.
    function testFuzz_anyNetVectorIsBalancedAndCapped(uint256 seed) public {
        uint256 n = 2 + seed % 7;
        uint256 cap = extremeUnsigned(uint256(keccak256(abi.encode(seed, "c"))), 1, 1e24);
        uint256[] memory rho = new uint256[](n * n);
        openRound(n, 1e15, WAD, rho, cap, cap + STAKE, CoCoGenSettlement.SettlementMode.NetVector);
        int256[] memory net = new int256[](n);
        int256 sum = 0;
        for (uint256 i = 0; i < n; ++i) {
            uint256 kind = uint256(keccak256(abi.encode(seed, "k", i))) % 4;
            int256 magnitude = int256(extremeUnsigned(uint256(keccak256(abi.encode(seed, "m", i))), 0, 2 * cap));
            net[i] = kind == 0 ? int256(0) : kind == 1 ? -magnitude : magnitude;
            sum += net[i];
        }
        // Balance it half of the time, so that both the acceptance and the refusals are exercised.
        if (seed % 2 == 0) net[n - 1] -= sum;
        int256 total = 0;
        bool capped = true;
        for (uint256 i = 0; i < n; ++i) {
            total += net[i];
            if (net[i] < -int256(cap)) capped = false;
        }
        try settlement.commitNet(1, net, keccak256("evidence")) {
            assertTrue(total == 0 && capped, "accepted only balanced and capped");
        } catch {
            assertTrue(total != 0 || !capped, "refused only unbalanced or over the cap");
            assertEq(uint256(settlement.roundStatus(1)), uint256(CoCoGenSettlement.RoundStatus.Open), "still open");
            return;
        }
        vm.warp(block.timestamp + WINDOW + 1);
        settlement.settleRound(1);
        for (uint256 i = 0; i < n; ++i) {
            assertEq(int256(settlement.bondOf(member(i))), int256(cap + STAKE) + net[i], "bond moved by its entry");
        }
    }
}

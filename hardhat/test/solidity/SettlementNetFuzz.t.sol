// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CoCoGenSettlement} from "../../contracts/CoCoGenSettlement.sol";
import {SettlementTestBase} from "./Vm.sol";

/// @notice Fuzz tests of payoffTransferNet: random net vectors adjusted to sum to 0 conserve money to the wei;
/// a vector with any other sum always reverts and changes nothing.
contract SettlementNetFuzzTest is SettlementTestBase {
    uint256 private constant WAD = 1e18;
    int256 private constant MAX_ENTRY = 1e30;
    uint64 private constant WINDOW = 600;

    CoCoGenSettlement private settlement;

    function member(uint256 i) private pure returns (address) {
        return address(uint160(0xC0C0_0000 + i));
    }

    /// @dev An extreme-leaning entry: +-MAX_ENTRY, 0, +-1 or an arbitrary value in range.
    function extremeEntry(uint256 seed) private pure returns (int256) {
        uint256 kind = seed % 8;
        if (kind == 0) return MAX_ENTRY;
        if (kind == 1) return -MAX_ENTRY;
        if (kind == 2) return 0;
        if (kind == 3) return 1;
        if (kind == 4) return -1;
        return boundSigned(int256(uint256(keccak256(abi.encode(seed)))), -MAX_ENTRY, MAX_ENTRY);
    }

    /// @dev n random entries; the last is minus the sum of the others, so the vector sums to 0 exactly.
    function balancedVector(uint256 seed, uint256 n) private pure returns (int256[] memory net) {
        net = new int256[](n);
        int256 sum = 0;
        for (uint256 i = 0; i + 1 < n; ++i) {
            net[i] = extremeEntry(uint256(keccak256(abi.encode(seed, "net", i))));
            sum += net[i];
        }
        net[n - 1] = -sum;
    }

    /// @dev Deploys, registers n members, bonds each with its debit plus a random surplus, closes round 1.
    function closedRound(uint256 n, int256[] memory net, uint256 surplusSeed) private returns (uint256[] memory bonds) {
        settlement = new CoCoGenSettlement(1, WINDOW);
        bonds = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            settlement.registerMember(member(i));
            uint256 debit = net[i] < 0 ? uint256(-net[i]) : 0;
            bonds[i] = debit + 1 + uint256(keccak256(abi.encode(surplusSeed, i))) % 1e30;
            vm.deal(member(i), bonds[i]);
            vm.prank(member(i));
            settlement.depositSubmit{value: bonds[i]}();
        }
        settlement.openRound(1);
        for (uint256 i = 0; i < n; ++i) {
            CoCoGenSettlement.Profile memory p = CoCoGenSettlement.Profile({
                localSamples: uint64(1000 + i),
                syntheticSamples: 0,
                lossWad: WAD,
                contributionWad: 0,
                weightsHash: keccak256(abi.encode("weights", i))
            });
            settlement.profileRecord(1, member(i), p);
            vm.prank(member(i));
            settlement.contributionSubmit(1, p);
        }
        settlement.closeRound(1);
    }

    /// @notice A balanced vector moves every bond by exactly its entry; the sum of bonds, the contract
    /// balance and totalDeposited stay equal; the round is Settled and neither path applies again.
    function testFuzz_balancedVectorConservesMoney(uint256 seed, uint8 size, uint256 surplusSeed) public {
        uint256 n = bound(size, 1, 12);
        int256[] memory net = balancedVector(seed, n);
        uint256[] memory bonds = closedRound(n, net, surplusSeed);
        uint256 deposited = settlement.totalDeposited();
        settlement.payoffTransferNet(1, net);
        uint256 total = 0;
        for (uint256 i = 0; i < n; ++i) {
            uint256 b = settlement.bondOf(member(i));
            assertEq(int256(b) - int256(bonds[i]), net[i], "bond moved by its entry");
            total += b;
        }
        assertEq(total, deposited, "sum of bonds = deposits");
        assertEq(address(settlement).balance, deposited, "contract balance = deposits");
        assertEq(uint256(settlement.roundStatus(1)), uint256(CoCoGenSettlement.RoundStatus.Settled), "Settled");
        assertEq(settlement.activeRound(), 0, "bonds unlocked");
        bytes memory settled = abi.encodeWithSelector(
            CoCoGenSettlement.CoCoGenSettlementRoundNotClosed.selector, uint256(1), CoCoGenSettlement.RoundStatus.Settled
        );
        vm.expectRevert(settled);
        settlement.payoffTransferNet(1, net);
        vm.expectRevert(settled);
        settlement.payoffTransfer(1);
    }

    /// @notice Adding any non-zero offset to one entry of a balanced vector reverts with NetSumNonZero
    /// naming the offset, even when every payer is covered; nothing changes.
    function testFuzz_nonZeroSumAlwaysReverts(uint256 seed, uint8 size, uint256 surplusSeed, int256 offset, uint256 at)
        public
    {
        uint256 n = bound(size, 1, 12);
        offset = boundSigned(offset, -MAX_ENTRY, MAX_ENTRY);
        vm.assume(offset != 0);
        int256[] memory net = balancedVector(seed, n);
        uint256[] memory bonds = closedRound(n, net, surplusSeed);
        net[at % n] += offset;
        vm.expectRevert(
            abi.encodeWithSelector(CoCoGenSettlement.CoCoGenSettlementNetSumNonZero.selector, uint256(1), offset)
        );
        settlement.payoffTransferNet(1, net);
        for (uint256 i = 0; i < n; ++i) assertEq(settlement.bondOf(member(i)), bonds[i], "bond unchanged");
        assertEq(uint256(settlement.roundStatus(1)), uint256(CoCoGenSettlement.RoundStatus.Closed), "still Closed");
    }

    /// @notice A balanced vector whose payer is short by `shortfall` reverts naming the first short payer.
    function testFuzz_uncoveredPayerChangesNothing(uint256 seed, uint8 size, uint256 surplusSeed, uint256 shortfall)
        public
    {
        uint256 n = bound(size, 2, 12);
        int256[] memory net = balancedVector(seed, n);
        uint256[] memory bonds = closedRound(n, net, surplusSeed);
        uint256 payer = n;
        for (uint256 i = 0; i < n && payer == n; ++i) if (net[i] < 0) payer = i;
        vm.assume(payer < n);
        // Push the payer's debit beyond its bond, compensating on another member to keep the sum 0.
        int256 extra = int256(bonds[payer] - uint256(-net[payer])) + int256(bound(shortfall, 1, 1e30));
        net[payer] -= extra;
        net[(payer + 1) % n] += extra;
        vm.expectRevert(
            abi.encodeWithSelector(
                CoCoGenSettlement.CoCoGenSettlementUncoveredPayer.selector, member(payer), bonds[payer], uint256(-net[payer])
            )
        );
        settlement.payoffTransferNet(1, net);
        for (uint256 i = 0; i < n; ++i) assertEq(settlement.bondOf(member(i)), bonds[i], "bond unchanged");
        assertEq(settlement.activeRound(), 1, "bonds still locked");
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice The few cheatcodes the settlement's Solidity tests use (Hardhat 3 / Foundry cheatcode address).
interface Vm {
    function prank(address msgSender) external;
    function deal(address account, uint256 newBalance) external;
    function warp(uint256 newTimestamp) external;
    function expectRevert(bytes calldata revertData) external;
    function assume(bool condition) external pure;
    function writeLine(string calldata path, string calldata data) external;
    function toString(uint256 value) external pure returns (string memory);
}

/// @notice Base for the settlement's Solidity tests: the cheatcode handle and small assertions.
abstract contract SettlementTestBase {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    error AssertionFailed(string what, int256 actual, int256 expected);

    function assertEq(int256 actual, int256 expected, string memory what) internal pure {
        if (actual != expected) revert AssertionFailed(what, actual, expected);
    }

    function assertEq(uint256 actual, uint256 expected, string memory what) internal pure {
        if (actual != expected) revert AssertionFailed(what, int256(actual), int256(expected));
    }

    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert AssertionFailed(what, 0, 1);
    }

    /// @dev Maps `value` into [min, max] without discarding runs (Foundry's bound, simplified).
    function bound(uint256 value, uint256 min, uint256 max) internal pure returns (uint256) {
        if (max == type(uint256).max && min == 0) return value;
        return min + value % (max - min + 1);
    }

    function boundSigned(int256 value, int256 min, int256 max) internal pure returns (int256) {
        uint256 span = uint256(max - min) + 1;
        return min + int256(uint256(value) % span);
    }
}

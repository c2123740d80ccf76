// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CoCoGenSettlement} from "../CoCoGenSettlement.sol";

/**
 * @title ReentrantWithdrawer
 * @notice Test-only member contract that attacks {CoCoGenSettlement.withdraw}: when paid it re-enters
 * withdraw for the same amount and then settleRound of the active round (mode Reenter) and records the
 * outcomes, or refuses the payment (mode Refuse). It also votes, so it can act as a full round member.
 */
contract ReentrantWithdrawer {
    /// @notice How the contract reacts when the settlement pays it.
    enum Mode {
        Reenter,
        Refuse
    }

    /// @notice The attacked settlement.
    CoCoGenSettlement public immutable settlement;
    /// @notice Current reaction to incoming payments.
    Mode public mode;
    /// @notice Re-entrant withdraw calls attempted.
    uint256 public reentryAttempts;
    /// @notice Re-entrant withdraw calls that succeeded (must stay 0).
    uint256 public reentrySuccesses;
    /// @notice Revert data of the last failed re-entrant call.
    bytes public lastReentryError;

    /// @notice The payment was refused (mode Refuse).
    error ReentrantWithdrawerRefused();

    /// @param settlement_ the settlement to attack.
    constructor(CoCoGenSettlement settlement_) {
        settlement = settlement_;
    }

    /// @notice Sets the reaction to incoming payments.
    /// @param mode_ the new mode.
    function setMode(Mode mode_) external {
        mode = mode_;
    }

    /// @notice Deposits `msg.value` into this contract's bond.
    function deposit() external payable {
        settlement.depositSubmit{value: msg.value}();
    }

    /// @notice Withdraws `amountWei` from this contract's bond.
    /// @param amountWei the amount asked for.
    function withdraw(uint256 amountWei) external {
        settlement.withdraw(amountWei);
    }

    /// @notice Rejects `round`'s commitment.
    /// @param round the Committed round.
    function reject(uint256 round) external {
        settlement.rejectCommitment(round);
    }

    /// @notice Accepts `round`'s commitment.
    /// @param round the Committed round.
    function accept(uint256 round) external {
        settlement.acceptCommitment(round);
    }

    /// @notice On payment: re-enter withdraw for the same amount and try to settle the active round, or refuse.
    receive() external payable {
        if (mode == Mode.Refuse) revert ReentrantWithdrawerRefused();
        ++reentryAttempts;
        try settlement.withdraw(msg.value) {
            ++reentrySuccesses;
        } catch (bytes memory reason) {
            lastReentryError = reason;
        }
        // settleRound makes no external call; re-entering it from a payout must change nothing it would not
        // change when called plainly (the invariant checks the bonds either way).
        try settlement.settleRound(settlement.activeRound()) {} catch {}
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CoCoGenSettlement} from "../../contracts/CoCoGenSettlement.sol";
import {ReentrantWithdrawer} from "../../contracts/test/ReentrantWithdrawer.sol";
import {SettlementTestBase} from "./Vm.sol";

/**
 * @notice Drives one settlement through random sequences of real actors: the coordinator (this handler),
 * five EOA members, a re-entrant contract member and two strangers. It keeps its own model of every bond
 * (deposits, withdrawals, stakes, slashes and the published rule computed independently below) and of who
 * is locked. Every contract call's revert must be one the model expects, otherwise the handler reverts and,
 * with failOnRevert, the campaign fails: nothing is swallowed.
 */
contract SettlementHandler is SettlementTestBase {
    uint256 private constant WAD = 1e18;
    uint256 public constant EOA_MEMBERS = 5;
    uint256 public constant WEI_PER_UNIT = 1e15;
    uint64 public constant COMMIT_TIMEOUT = 600;
    uint64 public constant WINDOW = 60;
    uint256 public constant MIN_BOND = 10 ether;
    uint256 public constant DEBIT_CAP = 6 ether;
    uint256 public constant STAKE = 1 ether;
    uint256 public constant COORDINATOR_BOND = 5 ether;
    uint256 public constant GAMMA = WAD / 2;

    CoCoGenSettlement public immutable settlement;
    ReentrantWithdrawer public immutable attacker;
    address[] public actors;
    address[] public strangers;
    uint256[] private rho;

    /// @dev The model: every account's bond, and per round what the handler committed.
    mapping(address account => uint256) public modelBond;
    int256[] private committedValues;
    bool private committedNet;
    bool private committedHonest;

    uint256 public successfulCalls;
    uint256 public pairSettled;
    uint256 public netSettled;
    uint256 public rejectedRounds;
    uint256 public abandonedRounds;
    uint256 public strangerSuccesses;
    uint256 public earlyUnlocksAccepted;
    uint256 public ghostDeposited;
    uint256 public ghostPaidOut;
    uint256 public longestLock;
    uint256 private lockStart;
    uint256 private nonce;

    error UnexpectedRevert(string action, bytes reason);
    error ModelMismatch(string what, uint256 index, int256 actual, int256 expected);

    constructor() {
        settlement = new CoCoGenSettlement(WEI_PER_UNIT, COMMIT_TIMEOUT, WINDOW, COMMIT_TIMEOUT + WINDOW);
        attacker = new ReentrantWithdrawer(settlement);
        for (uint256 i = 0; i < EOA_MEMBERS; ++i) actors.push(address(uint160(0xA11CE000 + i)));
        actors.push(address(attacker));
        strangers.push(address(uint160(0x5712A000)));
        strangers.push(address(uint160(0x5712A001)));
        uint256 n = actors.length;
        rho = new uint256[](n * n);
        for (uint256 i = 0; i < n; ++i) {
            settlement.registerMember(actors[i]);
            for (uint256 j = i + 1; j < n; ++j) {
                rho[i * n + j] = WAD * (1 + i + j) / (2 * n);
                rho[j * n + i] = rho[i * n + j];
            }
        }
        settlement.setCompetition(rho);
        settlement.setGamma(GAMMA, WAD);
        settlement.setLimits(MIN_BOND, DEBIT_CAP, STAKE, COORDINATOR_BOND);
        vm.warp(block.timestamp + WINDOW);
    }

    // ------------------------------------------------------------------ actions

    function deposit(uint256 actorSeed, uint256 amount) external {
        uint256 pick = actorSeed % (actors.length + 1);
        address actor = pick == actors.length ? address(this) : actors[pick];
        amount = bound(amount, 1, 30 ether);
        bool holder = actor == address(this) || settlement.isMember(actor);
        _deposit(actor, amount, holder);
    }

    function withdraw(uint256 actorSeed, uint256 amount) external {
        uint256 pick = actorSeed % (actors.length + strangers.length + 1);
        address actor = pick < actors.length
            ? actors[pick]
            : pick == actors.length + strangers.length ? address(this) : strangers[pick - actors.length];
        uint256 bond = modelBond[actor];
        amount = bound(amount, 1, bond + 1);
        bool locked = _modelLocked(actor);
        uint256 before = actor.balance;
        bool ok;
        bytes memory reason;
        uint256 round = settlement.activeRound();
        if (actor == address(attacker)) {
            try attacker.withdraw(amount) {ok = true;} catch (bytes memory r) {reason = r;}
            // Its payout hook re-enters settleRound; a round it may settle (decided or due) settles by the rule.
            if (ok && round != 0 && settlement.roundStatus(round) == CoCoGenSettlement.RoundStatus.Settled) _afterSettled(round);
        } else {
            vm.prank(actor);
            try settlement.withdraw(amount) {ok = true;} catch (bytes memory r) {reason = r;}
        }
        if (ok) {
            if (locked || amount > bond) revert UnexpectedRevert("withdraw succeeded against the model", "");
            modelBond[actor] -= amount;
            ghostPaidOut += actor.balance - before;
            if (actor.balance - before != amount) revert ModelMismatch("paid", 0, int256(actor.balance - before), int256(amount));
            _record();
            return;
        }
        bytes4 sel = bytes4(reason);
        if (locked && sel == CoCoGenSettlement.CoCoGenSettlementBondsLocked.selector) return;
        if (!locked && amount > bond && sel == CoCoGenSettlement.CoCoGenSettlementInsufficientBond.selector) return;
        revert UnexpectedRevert("withdraw", reason);
    }

    function openRound(uint256 modeSeed) external {
        _openRound(modeSeed % 4 == 0);
    }

    /// @dev The coordinator commits the truth or a manipulated vector (one call in three).
    function commit(uint256 seed) external {
        _commit(seed, seed % 3 != 0);
    }

    /// @dev A member votes as it likes (false rejections included).
    function vote(uint256 actorSeed, bool rejectIt) external {
        _vote(actors[actorSeed % actors.length], rejectIt);
    }

    /// @dev The honest members (the EOAs, a majority of six) reject a manipulated commitment.
    function honestMajorityRejects() external {
        uint256 round = settlement.activeRound();
        if (round == 0 || settlement.roundStatus(round) != CoCoGenSettlement.RoundStatus.Committed || committedHonest) return;
        for (uint256 i = 0; i < EOA_MEMBERS; ++i) {
            if (settlement.roundStatus(round) != CoCoGenSettlement.RoundStatus.Committed) break;
            _vote(actors[i], true);
        }
        if (settlement.roundStatus(round) == CoCoGenSettlement.RoundStatus.Committed) {
            // Only possible when too few honest members are in the round (and had not accepted) to form a majority.
            (,,,, uint64 activeMask,, uint64 acceptMask,,) = settlement.roundInfo(round);
            uint256 honestIn = _popCount(activeMask & ~acceptMask & uint64((1 << EOA_MEMBERS) - 1));
            if (honestIn * 2 > _popCount(activeMask)) revert UnexpectedRevert("honest majority did not reject", "");
        }
        _record();
    }

    function settle(uint256 callerSeed) external {
        _settle(_anyone(callerSeed));
    }

    function abandon(uint256 callerSeed) external {
        _abandon(_anyone(callerSeed));
    }

    /// @dev Moves the clock to the active round's deadline second exactly: the round may not end there
    /// (abandon before the commit deadline has passed, or settle inside the window without a decision).
    function probeDeadline() external {
        uint256 round = settlement.activeRound();
        if (round == 0) return;
        (CoCoGenSettlement.RoundStatus status,, uint64 commitDeadline, uint64 challengeDeadline,, , uint64 acceptMask,,) = settlement.roundInfo(round);
        if (status == CoCoGenSettlement.RoundStatus.Open) {
            vm.warp(commitDeadline);
            try settlement.abandonRound(round) {
                revert ModelMismatch("abandoned at the commit deadline", round, int256(block.timestamp), int256(uint256(commitDeadline)));
            } catch (bytes memory reason) {
                if (bytes4(reason) != CoCoGenSettlement.CoCoGenSettlementCommitDeadlineNotPassed.selector) revert UnexpectedRevert("probe abandon", reason);
            }
        } else {
            vm.warp(challengeDeadline);
            (,,,, uint64 activeMask, uint64 rejectMask,,,) = settlement.roundInfo(round);
            // The last second still takes votes: one member that has not voted accepts.
            for (uint256 i = 0; i < actors.length; ++i) {
                if (activeMask & ~(rejectMask | acceptMask) & uint64(1 << i) == 0) continue;
                _vote(actors[i], false);
                acceptMask |= uint64(1 << i);
                break;
            }
            uint256 active = _popCount(activeMask);
            bool decided = (active - _popCount(acceptMask)) * 2 <= active;
            try settlement.settleRound(round) {
                if (!decided) revert ModelMismatch("settled at the window's last second", round, int256(block.timestamp), int256(uint256(challengeDeadline)));
                _afterSettled(round);
            } catch (bytes memory reason) {
                if (decided || bytes4(reason) != CoCoGenSettlement.CoCoGenSettlementChallengeWindowOpen.selector) revert UnexpectedRevert("probe settle", reason);
            }
        }
        _record();
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 2 * COMMIT_TIMEOUT));
        _endDueRound();
        _record();
    }

    function exitMembership(uint256 actorSeed) external {
        if (actorSeed % 8 != 0) return;
        address actor = actors[(actorSeed / 8) % EOA_MEMBERS];
        vm.prank(actor);
        try settlement.exitMembership() {
            _record();
        } catch (bytes memory reason) {
            if (bytes4(reason) != CoCoGenSettlement.CoCoGenSettlementNotMember.selector) revert UnexpectedRevert("exit", reason);
        }
    }

    /// @dev A stranger (or a member) tries what only the coordinator or a round member may do.
    function intrude(uint256 seed) external {
        address who = seed % 2 == 0 ? strangers[seed % strangers.length] : actors[seed % actors.length];
        uint256 round = settlement.activeRound();
        int256[] memory values = new int256[](actors.length);
        values[0] = -1;
        values[1] = 1;
        uint256 kind = seed % 5;
        uint256 next = settlement.lastRound() + 1;
        bool member = who == actors[seed % actors.length];
        // A member's own rejection is legitimate, not an intrusion.
        if (kind == 4 && member) return;
        vm.prank(who);
        bool ok;
        if (kind == 0) try settlement.commitContributions(round, values, bytes32(seed)) {ok = true;} catch {}
        else if (kind == 1) try settlement.commitNet(round, values, bytes32(seed)) {ok = true;} catch {}
        else if (kind == 2) try settlement.openRound(next, bytes32(seed), CoCoGenSettlement.SettlementMode.PairRule) {ok = true;} catch {}
        else if (kind == 3) try settlement.setLimits(1 ether, 1, 1, 1) {ok = true;} catch {}
        else try settlement.rejectCommitment(round) {ok = true;} catch {}
        if (ok) ++strangerSuccesses;
        _record();
    }

    /// @dev A whole round: top-ups to the minimum, open, the true commitment, random acceptances, settle.
    function fullRound(uint256 seed) external {
        if (settlement.activeRound() != 0) return;
        for (uint256 i = 0; i < actors.length; ++i) {
            address actor = actors[i];
            if (settlement.isMember(actor) && modelBond[actor] < MIN_BOND) _deposit(actor, MIN_BOND - modelBond[actor], true);
        }
        if (modelBond[address(this)] < COORDINATOR_BOND) _deposit(address(this), COORDINATOR_BOND, true);
        if (!_openRound(seed % 5 == 0)) return;
        _commit(seed, true);
        for (uint256 i = 0; i < actors.length; ++i) {
            if ((seed >> (8 + i)) & 1 == 1) _vote(actors[i], false);
        }
        _settle(_anyone(seed >> 16));
        if (settlement.activeRound() != 0) {
            vm.warp(block.timestamp + WINDOW + 1);
            _endDueRound();
        }
    }

    // ------------------------------------------------------------------ steps with model checks

    function _deposit(address actor, uint256 amount, bool holder) private {
        vm.deal(actor == address(attacker) ? address(this) : actor, amount);
        bool ok;
        bytes memory reason;
        if (actor == address(attacker)) {
            try attacker.deposit{value: amount}() {ok = true;} catch (bytes memory r) {reason = r;}
        } else if (actor == address(this)) {
            try settlement.depositSubmit{value: amount}() {ok = true;} catch (bytes memory r) {reason = r;}
        } else {
            vm.prank(actor);
            try settlement.depositSubmit{value: amount}() {ok = true;} catch (bytes memory r) {reason = r;}
        }
        if (ok != holder) revert UnexpectedRevert("deposit", reason);
        if (!ok) return;
        modelBond[actor] += amount;
        ghostDeposited += amount;
        _record();
    }

    function _openRound(bool net) private returns (bool) {
        uint256 round = settlement.lastRound() + 1;
        try settlement.openRound(round, keccak256(abi.encode("seed", round)), net ? CoCoGenSettlement.SettlementMode.NetVector : CoCoGenSettlement.SettlementMode.PairRule) {
            (,, uint64 commitDeadline,, uint64 activeMask,,,,) = settlement.roundInfo(round);
            if (commitDeadline != block.timestamp + COMMIT_TIMEOUT) {
                revert ModelMismatch("commit deadline", round, int256(uint256(commitDeadline)), int256(block.timestamp + COMMIT_TIMEOUT));
            }
            uint64 expected = 0;
            for (uint256 i = 0; i < actors.length; ++i) {
                if (settlement.isMember(actors[i]) && modelBond[actors[i]] >= MIN_BOND) expected |= uint64(1 << i);
            }
            if (activeMask != expected) revert ModelMismatch("enrolled", round, int256(uint256(activeMask)), int256(uint256(expected)));
            lockStart = block.timestamp;
            delete committedValues;
            _record();
            return true;
        } catch (bytes memory reason) {
            bytes4 sel = bytes4(reason);
            if (sel == CoCoGenSettlement.CoCoGenSettlementRoundActive.selector) return false;
            if (sel == CoCoGenSettlement.CoCoGenSettlementNoActiveMembers.selector) return false;
            if (sel == CoCoGenSettlement.CoCoGenSettlementCoordinatorBondTooLow.selector && modelBond[address(this)] < COORDINATOR_BOND) return false;
            revert UnexpectedRevert("openRound", reason);
        }
    }

    function _commit(uint256 seed, bool honest) private {
        uint256 round = settlement.activeRound();
        if (round == 0 || settlement.roundStatus(round) != CoCoGenSettlement.RoundStatus.Open) return;
        (, CoCoGenSettlement.SettlementMode mode,,, uint64 activeMask,,,,) = settlement.roundInfo(round);
        uint256 n = actors.length;
        int256[] memory values = new int256[](n);
        bool net = mode == CoCoGenSettlement.SettlementMode.NetVector;
        if (net) {
            // Every round member pays a random part of the cap; one of them receives the total.
            int256 paid = 0;
            uint256 receiver = n;
            for (uint256 i = 0; i < n; ++i) {
                if (activeMask & uint64(1 << i) == 0) continue;
                if (receiver == n) receiver = i;
                values[i] = -int256(bound(uint256(keccak256(abi.encode(seed, i))), 0, DEBIT_CAP));
                paid -= values[i];
            }
            values[receiver] += paid;
        } else {
            for (uint256 i = 0; i < n; ++i) {
                if (activeMask & uint64(1 << i) == 0) continue;
                int256 span = seed % 2 == 0 ? int256(1e21) : int256(1e24);
                values[i] = boundSigned(int256(uint256(keccak256(abi.encode(seed, "x", i)))), -span, span);
            }
        }
        bytes32 root = keccak256(abi.encode(values));
        bool ok;
        bytes memory reason;
        if (net) try settlement.commitNet(round, values, root) {ok = true;} catch (bytes memory r) {reason = r;}
        else try settlement.commitContributions(round, values, root) {ok = true;} catch (bytes memory r) {reason = r;}
        if (!ok) revert UnexpectedRevert("commit", reason);
        (,,, uint64 challengeDeadline,,,,,) = settlement.roundInfo(round);
        if (challengeDeadline != block.timestamp + WINDOW) {
            revert ModelMismatch("challenge deadline", round, int256(uint256(challengeDeadline)), int256(block.timestamp + WINDOW));
        }
        committedValues = values;
        committedNet = net;
        committedHonest = honest;
        _record();
    }

    function _vote(address actor, bool rejectIt) private {
        uint256 round = settlement.activeRound();
        bool ok;
        bytes memory reason;
        if (actor == address(attacker)) {
            if (rejectIt) try attacker.reject(round) {ok = true;} catch (bytes memory r) {reason = r;}
            else try attacker.accept(round) {ok = true;} catch (bytes memory r) {reason = r;}
        } else {
            vm.prank(actor);
            if (rejectIt) try settlement.rejectCommitment(round) {ok = true;} catch (bytes memory r) {reason = r;}
            else try settlement.acceptCommitment(round) {ok = true;} catch (bytes memory r) {reason = r;}
        }
        if (!ok) {
            bytes4 sel = bytes4(reason);
            if (
                sel == CoCoGenSettlement.CoCoGenSettlementWrongStatus.selector
                    || sel == CoCoGenSettlement.CoCoGenSettlementNotInRound.selector
                    || sel == CoCoGenSettlement.CoCoGenSettlementAlreadyVoted.selector
            ) return;
            revert UnexpectedRevert("vote", reason);
        }
        _record();
        if (!rejectIt) return;
        modelBond[actor] -= STAKE;
        if (settlement.roundStatus(round) == CoCoGenSettlement.RoundStatus.Rejected) {
            (,,,, uint64 activeMask, uint64 rejectMask,,,) = settlement.roundInfo(round);
            if (_popCount(rejectMask) * 2 <= _popCount(activeMask)) revert UnexpectedRevert("rejected without majority", "");
            for (uint256 i = 0; i < actors.length; ++i) {
                if (rejectMask & uint64(1 << i) != 0) modelBond[actors[i]] += STAKE;
            }
            _modelSlash(activeMask);
            ++rejectedRounds;
            _unlocked();
        }
    }

    function _settle(address caller) private {
        uint256 round = settlement.activeRound();
        vm.prank(caller);
        try settlement.settleRound(round) {
            _afterSettled(round);
        } catch (bytes memory reason) {
            bytes4 sel = bytes4(reason);
            if (sel == CoCoGenSettlement.CoCoGenSettlementWrongStatus.selector) return;
            if (sel == CoCoGenSettlement.CoCoGenSettlementChallengeWindowOpen.selector) return;
            revert UnexpectedRevert("settle", reason);
        }
    }

    /// @dev Checks that `round` was allowed to settle now and applies the rule to the model.
    function _afterSettled(uint256 round) private {
        {
            (,,, uint64 challengeDeadline, uint64 activeMask, uint64 rejectMask, uint64 acceptMask,,) = settlement.roundInfo(round);
            uint256 active = _popCount(activeMask);
            bool decided = (active - _popCount(acceptMask)) * 2 <= active;
            if (block.timestamp <= challengeDeadline && !decided) revert UnexpectedRevert("settled inside the window", "");
            if (block.timestamp <= challengeDeadline) ++earlyUnlocksAccepted;
            int256[] memory net = committedNet ? committedValues : _referencePairRule(committedValues, activeMask);
            _modelSettle(net, activeMask, rejectMask);
            if (committedNet) ++netSettled;
            else ++pairSettled;
            _unlocked();
            _record();
        }
    }

    function _abandon(address caller) private {
        uint256 round = settlement.activeRound();
        vm.prank(caller);
        try settlement.abandonRound(round) {
            (,,,, uint64 activeMask,,,,) = settlement.roundInfo(round);
            _modelSlash(activeMask);
            ++abandonedRounds;
            _unlocked();
            _record();
        } catch (bytes memory reason) {
            bytes4 sel = bytes4(reason);
            if (sel == CoCoGenSettlement.CoCoGenSettlementWrongStatus.selector) return;
            if (sel == CoCoGenSettlement.CoCoGenSettlementCommitDeadlineNotPassed.selector) return;
            revert UnexpectedRevert("abandon", reason);
        }
    }

    /// @dev A round past its deadline must end when anyone asks: a lock never outlives its timeout.
    function _endDueRound() private {
        uint256 round = settlement.activeRound();
        if (round == 0) return;
        (CoCoGenSettlement.RoundStatus status,, uint64 commitDeadline, uint64 challengeDeadline,,,,,) = settlement.roundInfo(round);
        if (status == CoCoGenSettlement.RoundStatus.Open && block.timestamp > commitDeadline) {
            _abandon(strangers[0]);
        } else if (status == CoCoGenSettlement.RoundStatus.Committed && block.timestamp > challengeDeadline) {
            _settle(strangers[1]);
        }
        if (settlement.activeRound() == round && block.timestamp > (status == CoCoGenSettlement.RoundStatus.Open ? commitDeadline : challengeDeadline)) {
            revert UnexpectedRevert("a due round did not end", "");
        }
    }

    // ------------------------------------------------------------------ the model

    /// @dev The published pair rule, written out plainly: each unordered pair once, clamped to cap/(n-1).
    function _referencePairRule(int256[] memory x, uint64 activeMask) private view returns (int256[] memory net) {
        uint256 n = x.length;
        net = new int256[](n);
        uint256 active = _popCount(activeMask);
        if (active < 2) return net;
        int256 pairCap = int256(DEBIT_CAP / (active - 1));
        for (uint256 i = 0; i < n; ++i) {
            for (uint256 j = i + 1; j < n; ++j) {
                if (activeMask & uint64(1 << i) == 0 || activeMask & uint64(1 << j) == 0) continue;
                int256 rate = int256(GAMMA * rho[i * n + j] / WAD);
                int256 r = rate * (x[i] - x[j]) / 1e18 * int256(WEI_PER_UNIT) / 1e18;
                if (r > pairCap) r = pairCap;
                if (r < -pairCap) r = -pairCap;
                net[i] += r;
                net[j] -= r;
            }
        }
    }

    function _modelSettle(int256[] memory net, uint64 activeMask, uint64 rejectMask) private {
        uint256 rejections = _popCount(rejectMask);
        uint256 recipients = _popCount(activeMask) - rejections;
        uint256 forfeited = rejections * STAKE;
        uint256 share = recipients == 0 ? 0 : forfeited / recipients;
        uint256 remainder = forfeited - share * recipients;
        int256 sum = 0;
        for (uint256 i = 0; i < actors.length; ++i) {
            sum += net[i];
            if (activeMask & uint64(1 << i) == 0) continue;
            uint256 bond = modelBond[actors[i]];
            if (net[i] < 0 && uint256(-net[i]) > DEBIT_CAP) revert ModelMismatch("debit above cap", i, net[i], -int256(DEBIT_CAP));
            bond = net[i] < 0 ? bond - uint256(-net[i]) : bond + uint256(net[i]);
            if (rejectMask & uint64(1 << i) == 0) {
                bond += share + remainder;
                remainder = 0;
            }
            modelBond[actors[i]] = bond;
        }
        if (sum != 0) revert ModelMismatch("sum of nets", 0, sum, 0);
    }

    function _modelSlash(uint64 activeMask) private {
        uint256 share = COORDINATOR_BOND / _popCount(activeMask);
        for (uint256 i = 0; i < actors.length; ++i) {
            if (activeMask & uint64(1 << i) != 0) modelBond[actors[i]] += share;
        }
        modelBond[address(this)] -= share * _popCount(activeMask);
    }

    function _modelLocked(address actor) private view returns (bool) {
        uint256 round = settlement.activeRound();
        if (round == 0) return false;
        if (actor == address(this)) return true;
        (,,,, uint64 activeMask,,,,) = settlement.roundInfo(round);
        for (uint256 i = 0; i < actors.length; ++i) {
            if (actors[i] == actor) return activeMask & uint64(1 << i) != 0;
        }
        return false;
    }

    function _unlocked() private {
        uint256 held = block.timestamp - lockStart;
        if (held > longestLock) longestLock = held;
    }

    function _anyone(uint256 seed) private view returns (address) {
        uint256 pick = seed % (actors.length + strangers.length);
        return pick < actors.length ? actors[pick] : strangers[pick - actors.length];
    }

    function _popCount(uint64 mask) private pure returns (uint256 count) {
        for (; mask != 0; mask &= mask - 1) ++count;
    }

    function _record() private {
        ++successfulCalls;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    /// @dev Lets the handler fund the attacker's deposits and receive its own withdrawals.
    receive() external payable {}
}

/**
 * @notice Per-account bonds follow the model (only the committed rule, stakes and slashes move money),
 * money is conserved, no lock outlives its timeout, strangers achieve nothing and re-entry never succeeds.
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

    /// @notice Only the handler's actions, not its views or trampolines, are fuzzed.
    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](13);
        selectors[0] = SettlementHandler.deposit.selector;
        selectors[1] = SettlementHandler.withdraw.selector;
        selectors[2] = SettlementHandler.openRound.selector;
        selectors[3] = SettlementHandler.commit.selector;
        selectors[4] = SettlementHandler.vote.selector;
        selectors[5] = SettlementHandler.honestMajorityRejects.selector;
        selectors[6] = SettlementHandler.settle.selector;
        selectors[7] = SettlementHandler.abandon.selector;
        selectors[8] = SettlementHandler.warp.selector;
        selectors[9] = SettlementHandler.exitMembership.selector;
        selectors[10] = SettlementHandler.intrude.selector;
        selectors[11] = SettlementHandler.fullRound.selector;
        selectors[12] = SettlementHandler.probeDeadline.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector({addr: address(handler), selectors: selectors});
    }

    /// @notice After every call of every run.
    function invariant_settlement() public view {
        CoCoGenSettlement settlement = handler.settlement();
        uint256 bonds = 0;
        uint256 n = handler.actorCount();
        for (uint256 i = 0; i < n; ++i) {
            address actor = handler.actors(i);
            assertEq(settlement.bondOf(actor), handler.modelBond(actor), "member bond = model");
            bonds += settlement.bondOf(actor);
        }
        assertEq(settlement.bondOf(address(handler)), handler.modelBond(address(handler)), "coordinator bond = model");
        bonds += settlement.bondOf(address(handler));
        for (uint256 i = 0; i < 2; ++i) assertEq(settlement.bondOf(handler.strangers(i)), 0, "stranger bond");
        // Stakes of the active round's rejecters are held outside any bond until the round ends.
        uint256 round = settlement.activeRound();
        if (round != 0) {
            (,,,,, uint64 rejectMask,,,) = settlement.roundInfo(round);
            for (; rejectMask != 0; rejectMask &= rejectMask - 1) bonds += handler.STAKE();
        }
        uint256 deposited = settlement.totalDeposited();
        uint256 withdrawn = settlement.totalWithdrawn();
        assertEq(deposited, handler.ghostDeposited(), "totalDeposited = deposits made");
        assertEq(withdrawn, handler.ghostPaidOut(), "totalWithdrawn = ether received");
        assertEq(bonds + withdrawn, deposited, "bonds + stakes held + withdrawn = deposited");
        assertEq(address(settlement).balance, deposited - withdrawn, "balance = deposited - withdrawn");
        assertEq(handler.strangerSuccesses(), 0, "privileged calls by strangers or members that succeeded");
        assertEq(handler.attacker().reentrySuccesses(), 0, "successful re-entries");
        assertTrue(
            handler.longestLock() <= handler.COMMIT_TIMEOUT() + handler.WINDOW() + 2 * handler.COMMIT_TIMEOUT(),
            "longest lock within commit timeout + window (+ one warp step)"
        );
        if (round != 0) {
            (CoCoGenSettlement.RoundStatus status,, uint64 commitDeadline, uint64 challengeDeadline,,,,,) = settlement.roundInfo(round);
            uint256 due = status == CoCoGenSettlement.RoundStatus.Open ? commitDeadline : challengeDeadline;
            assertTrue(block.timestamp <= due, "no active round is past its deadline");
        }
    }

    /// @notice Runs after each invariant run; appends
    /// "successfulCalls pairSettled netSettled rejected abandoned reentryAttempts earlySettles longestLock" to STATS_FILE.
    function afterInvariant() public {
        assertTrue(handler.successfulCalls() > 0, "successful handler calls in the run");
        vm.writeLine(
            STATS_FILE,
            string.concat(
                vm.toString(handler.successfulCalls()), " ", vm.toString(handler.pairSettled()), " ",
                vm.toString(handler.netSettled()), " ", vm.toString(handler.rejectedRounds()), " ",
                vm.toString(handler.abandonedRounds()), " ", vm.toString(handler.attacker().reentryAttempts()), " ",
                vm.toString(handler.earlyUnlocksAccepted()), " ", vm.toString(handler.longestLock())
            )
        );
    }
}

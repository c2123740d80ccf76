// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/**
 * @title CoCoGenSettlement (v2)
 * @notice Budget-balanced payoff redistribution for coopetitive cross-silo federated learning (CoCoGen+),
 * settled from a commitment the members can challenge.
 *
 * Trust model: no single party, coordinator or member, can move another member's bond beyond what the
 * round's committed profile vector and the published rule determine; no single member can void or stall
 * a round; every lock ends within a bounded time; a member can always leave between rounds. What remains
 * assumed is an honest strict majority of the round's members: such a majority can reject any commitment
 * (voiding the round and slashing the coordinator), and only such a majority can.
 *
 * A round: the coordinator (bonded, never a member) opens it, committing the validation seed's hash and the
 * settlement mode; every non-exited member whose bond covers the minimum takes part. Within the commit
 * timeout the coordinator commits the round's values (contributions x for the pair rule, or a net vector
 * for M^Shap) and the evidence root. Members recompute off chain; within the challenge window each may
 * reject (staking part of its bond) or accept. A strict majority of all round members rejecting voids the
 * round and slashes the coordinator; otherwise the round is settled by anyone, once the window has passed
 * or acceptances make a rejection impossible, and the rejecters' stakes go to the other round members.
 *
 * Pair rule: r_ij = clamp(gamma * rho_ij * (x_i - x_j), +-debitCap / (n - 1)) per unordered pair of the
 * round's n members, so no member pays more than debitCap in a round and the nets sum to 0 wei exactly.
 *
 * Fixed point: every "Wad" value is scaled by 1e18. Money leaves only through {withdraw} (pull payments).
 */
contract CoCoGenSettlement is ReentrancyGuard {
    /// @notice How a round's commitment is turned into transfers.
    enum SettlementMode {
        PairRule,
        NetVector
    }

    /// @notice Life cycle of a round.
    enum RoundStatus {
        None,
        Open,
        Committed,
        Settled,
        Rejected,
        Abandoned
    }

    /// @dev Per-round bookkeeping; bit i of a mask stands for the member with index i.
    struct Round {
        RoundStatus status;
        SettlementMode mode;
        uint64 commitDeadline;
        uint64 challengeDeadline;
        uint64 activeMask;
        uint64 rejectMask;
        uint64 acceptMask;
        bytes32 seedHash;
        bytes32 evidenceRoot;
    }

    /// @dev Registration state of an address.
    struct Membership {
        bool registered;
        bool exited;
        uint8 index;
    }

    /// @dev A member's vote to replace an absent coordinator; counts only if cast after the coordinator's last act.
    struct ReplacementVote {
        address candidate;
        uint64 castAt;
    }

    /// @notice Upper bound on registered members: every call, setCompetition included, fits 2^24 gas at 64.
    uint256 public constant MAX_MEMBERS = 64;
    /// @notice Largest accepted |x_i| in Wad (1e12 payoff units); keeps the pair arithmetic far from overflow.
    int256 public constant MAX_ABS_CONTRIBUTION_WAD = 1e30;
    /// @notice Largest accepted gamma in Wad.
    uint256 public constant MAX_GAMMA_WAD = 1e30;
    /// @notice Largest accepted conversion from one payoff unit to wei.
    uint256 public constant MAX_WEI_PER_UNIT = 1e30;
    /// @notice Largest accepted |net| of one member, and largest debit cap; 64 of them cannot overflow int256.
    int256 public constant MAX_ABS_NET_WEI = 1e54;
    /// @notice Longest accepted timeout or window.
    uint64 public constant MAX_DURATION = 365 days;

    uint256 private constant WAD = 1e18;
    int256 private constant SIGNED_WAD = 1e18;
    /// @dev rho values are <= 1e18 < 2^64, so four fit in one storage word.
    uint256 private constant RHO_BITS = 64;
    uint256 private constant RHO_MASK = type(uint64).max;

    /// @notice Wei paid per payoff unit: a transfer of rWad (Wad units) moves rWad * weiPerUnit / 1e18 wei.
    uint256 public immutable weiPerUnit;
    /// @notice Seconds from {openRound} within which the coordinator must commit; after it anyone may abandon.
    uint64 public immutable commitTimeout;
    /// @notice Seconds from the commitment during which members may reject; also the notice before a changed rule applies.
    uint64 public immutable challengeWindow;
    /// @notice Seconds without a new round after which members may replace the coordinator by majority.
    uint64 public immutable absenceTimeout;

    /// @notice The bonded account that registers members, sets the rule, opens rounds and commits them.
    address public coordinator;
    /// @notice The account named to become coordinator; it takes over with {acceptCoordinator}.
    address public pendingCoordinator;
    /// @notice When the coordinator last opened a round or took office (absence is measured from it).
    uint64 public coordinatorActiveAt;
    /// @notice When the rule (gamma, rho, limits, membership) last changed; no round opens before ruleChangedAt + challengeWindow.
    uint64 public ruleChangedAt;

    /// @notice Payoff compensation rate per unit of contribution gap, in Wad.
    uint256 public gammaWad;
    /// @notice The smallest rival rate phi_j the coordinator attested with {setGamma} (Remark 1 bound).
    uint256 public phiMinWad;
    /// @notice keccak256 of the flat competition matrix last set.
    bytes32 public rhoHash;
    /// @notice A member takes part in a round only if its bond is at least this at {openRound}.
    uint256 public minBondWei;
    /// @notice No member pays more than this in one round (part of the published rule).
    uint256 public debitCapWei;
    /// @notice What a member stakes from its bond to reject a commitment.
    uint256 public challengeStakeWei;
    /// @notice The coordinator's bond must be at least this at {openRound}; it is what a void round slashes.
    uint256 public coordinatorBondWei;

    /// @notice The last round opened (0 before the first).
    uint256 public lastRound;
    /// @notice The round that is Open or Committed (0 when none).
    uint256 public activeRound;
    /// @notice Sum of all deposits ever made.
    uint256 public totalDeposited;
    /// @notice Sum of all withdrawals ever paid.
    uint256 public totalWithdrawn;

    address[] private _members;
    mapping(address account => Membership) private _membership;
    mapping(address account => uint256) private _bonds;
    /// @dev Packed upper triangle of rho: word (i * 64 + j) >> 2, lane j & 3, for i < j.
    mapping(uint256 word => uint256) private _rhoWords;
    mapping(uint256 round => Round) private _rounds;
    /// @dev The committed vector by member index: x_i (PairRule) or net_i in wei (NetVector).
    mapping(uint256 round => int256[]) private _values;
    mapping(address member => ReplacementVote) private _replacementVotes;

    /// @notice The coordinator changed (also emitted at deployment with `previous` = 0).
    event CoordinatorChanged(address indexed previous, address indexed current);
    /// @notice `proposedBy` named `candidate` to take over as coordinator (by the coordinator, or by a member majority).
    event CoordinatorProposed(address indexed proposedBy, address indexed candidate);
    /// @notice `member` voted to replace the absent coordinator with `candidate`; `votes` of `needed` so far.
    event CoordinatorReplacementVoted(address indexed member, address indexed candidate, uint256 votes, uint256 needed);
    /// @notice `member` joined with index `index`.
    event MemberRegistered(address indexed member, uint256 indexed index);
    /// @notice `member` (index `index`) left; it joins no later round and can withdraw `bondWei` once not locked.
    event MemberExited(address indexed member, uint256 indexed index, uint256 bondWei);
    /// @notice The competition matrix was replaced; `rhoHash` is keccak256 of the flat matrix as given.
    event CompetitionSet(uint256 indexed memberCount, bytes32 rhoHash);
    /// @notice gamma was set under the Remark 1 bound `phiMinWad`.
    event GammaSet(uint256 gammaWad, uint256 phiMinWad);
    /// @notice The bond limits changed.
    event LimitsSet(uint256 minBondWei, uint256 debitCapWei, uint256 challengeStakeWei, uint256 coordinatorBondWei);
    /// @notice `account` added `amountWei`; its bond is now `bondWei`.
    event BondDeposited(address indexed account, uint256 amountWei, uint256 bondWei);
    /// @notice `account` withdrew `amountWei`; its bond is now `bondWei`.
    event Withdrawn(address indexed account, uint256 amountWei, uint256 bondWei);
    /// @notice Round `round` opened in `mode` with the validation seed hash `seedHash`, for the members in `activeMask`.
    event RoundOpened(
        uint256 indexed round, SettlementMode mode, bytes32 seedHash, uint64 commitDeadline, uint64 activeMask, uint256 activeMembers
    );
    /// @notice `member` was left out of round `round`: its bond `bondWei` is below `minBondWei`.
    event MemberNotEnrolled(uint256 indexed round, address indexed member, uint256 bondWei, uint256 minBondWei);
    /// @notice The coordinator committed round `round`: `values` by member index (x in Wad or net in wei, per mode).
    event RoundCommitted(uint256 indexed round, bytes32 evidenceRoot, int256[] values, uint64 challengeDeadline);
    /// @notice `member` rejected round `round`'s commitment staking `stakeWei`; `rejections` of `needed` so far.
    event RoundChallenged(uint256 indexed round, address indexed member, uint256 stakeWei, uint256 rejections, uint256 needed);
    /// @notice `member` accepted round `round`'s commitment; `acceptances` so far.
    event RoundAccepted(uint256 indexed round, address indexed member, uint256 acceptances);
    /// @notice A strict majority rejected round `round`: void, stakes returned, the coordinator slashed.
    event RoundRejected(uint256 indexed round, uint256 rejections, uint256 activeMembers);
    /// @notice Round `round` was not committed in time and was voided by `abandonedBy`; the coordinator slashed.
    event RoundAbandoned(uint256 indexed round, address indexed abandonedBy);
    /// @notice `coordinator` lost `amountWei` of its bond in round `round`; each round member received `perMemberWei`.
    event CoordinatorSlashed(uint256 indexed round, address indexed coordinator, uint256 amountWei, uint256 perMemberWei);
    /// @notice The rejecters' stakes of round `round` (`totalWei`) went to the `recipients` other members.
    event StakesForfeited(uint256 indexed round, uint256 totalWei, uint256 recipients);
    /// @notice `member`'s bond moved by `netWei` (stakes included) in round `round`; it is now `bondWei`.
    event PayoffTransferred(uint256 indexed round, address indexed member, int256 netWei, uint256 bondWei);
    /// @notice Round `round` settled by `settledBy`; `netHash` = keccak256(abi.encodePacked(nets by rule)).
    event RoundSettled(uint256 indexed round, address indexed settledBy, bytes32 netHash);

    /// @notice The caller is not the coordinator.
    error CoCoGenSettlementNotCoordinator(address caller);
    /// @notice The caller is not the pending coordinator.
    error CoCoGenSettlementNotPendingCoordinator(address caller);
    /// @notice `account` is not a registered, non-exited member.
    error CoCoGenSettlementNotMember(address account);
    /// @notice `account` is (or was) registered already.
    error CoCoGenSettlementAlreadyMember(address account);
    /// @notice The coordinator is never a member, and a member never the coordinator.
    error CoCoGenSettlementCoordinatorIsMember(address account);
    /// @notice The zero address is not accepted.
    error CoCoGenSettlementZeroAddress();
    /// @notice Registration would exceed `max` members.
    error CoCoGenSettlementTooManyMembers(uint256 max);
    /// @notice The constructor's conversion rate is 0 or above MAX_WEI_PER_UNIT.
    error CoCoGenSettlementInvalidWeiPerUnit(uint256 weiPerUnit);
    /// @notice A timeout is 0 or above MAX_DURATION, or the absence timeout is shorter than a round.
    error CoCoGenSettlementInvalidTimeouts(uint64 commitTimeout, uint64 challengeWindow, uint64 absenceTimeout);
    /// @notice The call is not allowed while round `round` is Open or Committed.
    error CoCoGenSettlementRoundActive(uint256 round);
    /// @notice The flat competition matrix must have `expected` = n*n entries.
    error CoCoGenSettlementCompetitionLength(uint256 expected, uint256 actual);
    /// @notice rho[i][i] must be 0.
    error CoCoGenSettlementCompetitionDiagonal(uint256 i, uint256 value);
    /// @notice rho[i][j] != rho[j][i].
    error CoCoGenSettlementCompetitionAsymmetric(uint256 i, uint256 j, uint256 rhoIJ, uint256 rhoJI);
    /// @notice rho[i][j] is above 1e18 (the normalised intensity is at most 1).
    error CoCoGenSettlementCompetitionAboveOne(uint256 i, uint256 j, uint256 value);
    /// @notice Remark 1: gamma may not exceed the smallest rival rate phi_min.
    error CoCoGenSettlementGammaAboveRemark1(uint256 gammaWad, uint256 phiMinWad);
    /// @notice gamma is above MAX_GAMMA_WAD.
    error CoCoGenSettlementGammaTooLarge(uint256 gammaWad, uint256 max);
    /// @notice Limits must satisfy 0 < debitCap <= MAX_ABS_NET_WEI, 0 < stake, coordinator bond > 0 and minBond >= debitCap + stake.
    error CoCoGenSettlementInvalidLimits(uint256 minBondWei, uint256 debitCapWei, uint256 challengeStakeWei, uint256 coordinatorBondWei);
    /// @notice No round opens before {setLimits}.
    error CoCoGenSettlementLimitsNotSet();
    /// @notice The rule changed recently; rounds open from `opensAt` (members get one challenge window's notice).
    error CoCoGenSettlementRuleNotice(uint64 opensAt);
    /// @notice The coordinator's bond `bondWei` is below the required `requiredWei`.
    error CoCoGenSettlementCoordinatorBondTooLow(uint256 bondWei, uint256 requiredWei);
    /// @notice A deposit must carry value.
    error CoCoGenSettlementZeroDeposit();
    /// @notice Only members and the coordinator hold bonds.
    error CoCoGenSettlementNotBondHolder(address account);
    /// @notice Rounds are opened in sequence: `expected` = lastRound + 1.
    error CoCoGenSettlementUnexpectedRound(uint256 round, uint256 expected);
    /// @notice No member's bond covers the minimum, so no round can open.
    error CoCoGenSettlementNoActiveMembers();
    /// @notice Round `round` is in `status`, not the one the call needs.
    error CoCoGenSettlementWrongStatus(uint256 round, RoundStatus status);
    /// @notice Round `round` was opened in `mode`; the call belongs to the other mode.
    error CoCoGenSettlementWrongMode(uint256 round, SettlementMode mode);
    /// @notice The commitment of round `round` was due by `deadline`.
    error CoCoGenSettlementCommitDeadlinePassed(uint256 round, uint64 deadline);
    /// @notice Round `round` can be abandoned only after its commit deadline `deadline`.
    error CoCoGenSettlementCommitDeadlineNotPassed(uint256 round, uint64 deadline);
    /// @notice The challenge window of round `round` ended at `deadline`.
    error CoCoGenSettlementChallengeWindowClosed(uint256 round, uint64 deadline);
    /// @notice Round `round` can be settled after `deadline`, or earlier once acceptances exclude a rejection.
    error CoCoGenSettlementChallengeWindowOpen(uint256 round, uint64 deadline);
    /// @notice `member` does not take part in round `round`.
    error CoCoGenSettlementNotInRound(uint256 round, address member);
    /// @notice `member` voted on round `round` already.
    error CoCoGenSettlementAlreadyVoted(uint256 round, address member);
    /// @notice A committed vector needs one entry per member index: `expected` = memberCount().
    error CoCoGenSettlementValuesLength(uint256 expected, uint256 actual);
    /// @notice `member` does not take part in round `round` but its entry is `value`, not 0.
    error CoCoGenSettlementValueOutsideRound(uint256 round, address member, int256 value);
    /// @notice `member`'s contribution is outside [-max, max].
    error CoCoGenSettlementContributionOutOfRange(address member, int256 contributionWad, int256 max);
    /// @notice `member`'s net entry is outside [-max, max].
    error CoCoGenSettlementNetOutOfRange(address member, int256 netWei, int256 max);
    /// @notice `member`'s net entry pays `debitWei`, above the per-round cap `capWei`.
    error CoCoGenSettlementDebitAboveCap(address member, uint256 debitWei, uint256 capWei);
    /// @notice The net vector for round `round` sums to `sum` wei, not 0.
    error CoCoGenSettlementNetSumNonZero(uint256 round, int256 sum);
    /// @notice `account`'s bond is locked by round `round`.
    error CoCoGenSettlementBondsLocked(address account, uint256 round);
    /// @notice `account` asked for `amount` but its bond is `bond`.
    error CoCoGenSettlementInsufficientBond(address account, uint256 bond, uint256 amount);
    /// @notice A withdrawal must be for a positive amount.
    error CoCoGenSettlementZeroWithdrawal();
    /// @notice Sending `amount` to `account` failed; nothing changed.
    error CoCoGenSettlementTransferFailed(address account, uint256 amount);
    /// @notice No member has index `index` (there are `count`).
    error CoCoGenSettlementMemberIndexOutOfRange(uint256 index, uint256 count);
    /// @notice The coordinator acted at `activeAt`; members may replace it after `activeAt + absenceTimeout`.
    error CoCoGenSettlementCoordinatorNotAbsent(uint64 activeAt, uint64 absentFrom);

    /// @dev Reverts unless the caller is the coordinator.
    modifier onlyCoordinator() {
        if (msg.sender != coordinator) revert CoCoGenSettlementNotCoordinator(msg.sender);
        _;
    }

    /// @dev Reverts while a round is Open or Committed (membership and the rule are frozen then).
    modifier whenNoActiveRound() {
        if (activeRound != 0) revert CoCoGenSettlementRoundActive(activeRound);
        _;
    }

    /// @dev Records a rule change: the next round opens one challenge window later at the earliest.
    modifier changesRule() {
        _;
        ruleChangedAt = uint64(block.timestamp);
    }

    /**
     * @notice Deploys the settlement; the deployer becomes the coordinator (and must post its bond).
     * @param weiPerUnit_ wei paid per payoff unit, in (0, MAX_WEI_PER_UNIT].
     * @param commitTimeout_ seconds from {openRound} to the commitment deadline, in (0, MAX_DURATION].
     * @param challengeWindow_ seconds from the commitment to the end of the challenge window, in (0, MAX_DURATION].
     * @param absenceTimeout_ seconds without a new round before members may replace the coordinator, in
     * [commitTimeout + challengeWindow, MAX_DURATION] (a coordinator running rounds is never absent).
     */
    constructor(uint256 weiPerUnit_, uint64 commitTimeout_, uint64 challengeWindow_, uint64 absenceTimeout_) {
        if (weiPerUnit_ == 0 || weiPerUnit_ > MAX_WEI_PER_UNIT) revert CoCoGenSettlementInvalidWeiPerUnit(weiPerUnit_);
        if (
            commitTimeout_ == 0 || commitTimeout_ > MAX_DURATION || challengeWindow_ == 0 || challengeWindow_ > MAX_DURATION
                || absenceTimeout_ > MAX_DURATION || absenceTimeout_ < uint256(commitTimeout_) + challengeWindow_
        ) {
            revert CoCoGenSettlementInvalidTimeouts(commitTimeout_, challengeWindow_, absenceTimeout_);
        }
        weiPerUnit = weiPerUnit_;
        commitTimeout = commitTimeout_;
        challengeWindow = challengeWindow_;
        absenceTimeout = absenceTimeout_;
        coordinator = msg.sender;
        coordinatorActiveAt = uint64(block.timestamp);
        emit CoordinatorChanged(address(0), msg.sender);
    }

    // ------------------------------------------------------------------ coordinator role

    /**
     * @notice First step of a handover: names `candidate`, who takes over with {acceptCoordinator}.
     * @param candidate the next coordinator; never a registered member, not the zero address.
     */
    function proposeCoordinator(address candidate) external onlyCoordinator {
        _propose(candidate);
    }

    /// @notice Second step of a handover: the pending coordinator takes over (between rounds).
    function acceptCoordinator() external whenNoActiveRound {
        if (msg.sender != pendingCoordinator) revert CoCoGenSettlementNotPendingCoordinator(msg.sender);
        if (_membership[msg.sender].registered) revert CoCoGenSettlementCoordinatorIsMember(msg.sender);
        emit CoordinatorChanged(coordinator, msg.sender);
        coordinator = msg.sender;
        pendingCoordinator = address(0);
        coordinatorActiveAt = uint64(block.timestamp);
    }

    /**
     * @notice A member's vote to replace a coordinator that opened no round for `absenceTimeout` seconds.
     * A strict majority of the non-exited members naming the same candidate makes it the pending coordinator.
     * @param candidate the replacement; never a registered member, not the zero address.
     */
    function voteReplaceCoordinator(address candidate) external whenNoActiveRound {
        Membership memory membership = _membership[msg.sender];
        if (!membership.registered || membership.exited) revert CoCoGenSettlementNotMember(msg.sender);
        uint64 activeAt = coordinatorActiveAt;
        uint64 absentFrom = activeAt + absenceTimeout;
        if (block.timestamp <= absentFrom) revert CoCoGenSettlementCoordinatorNotAbsent(activeAt, absentFrom);
        if (candidate == address(0)) revert CoCoGenSettlementZeroAddress();
        if (_membership[candidate].registered) revert CoCoGenSettlementCoordinatorIsMember(candidate);
        _replacementVotes[msg.sender] = ReplacementVote({candidate: candidate, castAt: uint64(block.timestamp)});
        uint256 votes = 0;
        uint256 current = 0;
        uint256 n = _members.length;
        for (uint256 i = 0; i < n; ++i) {
            address m = _members[i];
            if (_membership[m].exited) continue;
            ++current;
            ReplacementVote memory v = _replacementVotes[m];
            if (v.candidate == candidate && v.castAt > activeAt) ++votes;
        }
        uint256 needed = current / 2 + 1;
        emit CoordinatorReplacementVoted(msg.sender, candidate, votes, needed);
        if (votes >= needed) _propose(candidate);
    }

    // ------------------------------------------------------------------ membership and rule

    /**
     * @notice Registers `member` with the next index; its rho entries start at 0 until {setCompetition}.
     * @param member the member's account; an address can be registered once, never the coordinator's.
     */
    function registerMember(address member) external onlyCoordinator whenNoActiveRound changesRule {
        if (member == address(0)) revert CoCoGenSettlementZeroAddress();
        if (member == coordinator || member == pendingCoordinator) revert CoCoGenSettlementCoordinatorIsMember(member);
        if (_membership[member].registered) revert CoCoGenSettlementAlreadyMember(member);
        uint256 index = _members.length;
        if (index >= MAX_MEMBERS) revert CoCoGenSettlementTooManyMembers(MAX_MEMBERS);
        _membership[member] = Membership({registered: true, exited: false, index: uint8(index)});
        _members.push(member);
        emit MemberRegistered(member, index);
    }

    /**
     * @notice Replaces the competition matrix rho_hat (normalised intensities, Wad).
     * @param rhoWadFlat n*n entries, row-major over member indices: symmetric, zero diagonal, each <= 1e18.
     */
    function setCompetition(uint256[] calldata rhoWadFlat) external onlyCoordinator whenNoActiveRound changesRule {
        uint256 n = _members.length;
        if (rhoWadFlat.length != n * n) revert CoCoGenSettlementCompetitionLength(n * n, rhoWadFlat.length);
        for (uint256 i = 0; i < n; ++i) {
            uint256 diagonal = rhoWadFlat[i * n + i];
            if (diagonal != 0) revert CoCoGenSettlementCompetitionDiagonal(i, diagonal);
            uint256 word = 0;
            for (uint256 j = i + 1; j < n; ++j) {
                uint256 rhoIJ = rhoWadFlat[i * n + j];
                uint256 rhoJI = rhoWadFlat[j * n + i];
                if (rhoIJ != rhoJI) revert CoCoGenSettlementCompetitionAsymmetric(i, j, rhoIJ, rhoJI);
                if (rhoIJ > WAD) revert CoCoGenSettlementCompetitionAboveOne(i, j, rhoIJ);
                uint256 key = i * MAX_MEMBERS + j;
                word |= rhoIJ << ((key & 3) * RHO_BITS);
                // Store a word when its last lane is filled or the row ends.
                if (key & 3 == 3 || j == n - 1) {
                    _rhoWords[key >> 2] = word;
                    word = 0;
                }
            }
        }
        bytes32 hash = keccak256(abi.encodePacked(rhoWadFlat));
        rhoHash = hash;
        emit CompetitionSet(n, hash);
    }

    /**
     * @notice Sets gamma under Remark 1: no member compensates a rival beyond what it extracted from it.
     * @param newGammaWad payoff rate per unit of contribution gap, Wad, <= MAX_GAMMA_WAD.
     * @param newPhiMinWad the smallest rival rate phi_j among the members, Wad; gamma must not exceed it.
     */
    function setGamma(uint256 newGammaWad, uint256 newPhiMinWad) external onlyCoordinator whenNoActiveRound changesRule {
        if (newGammaWad > newPhiMinWad) revert CoCoGenSettlementGammaAboveRemark1(newGammaWad, newPhiMinWad);
        if (newGammaWad > MAX_GAMMA_WAD) revert CoCoGenSettlementGammaTooLarge(newGammaWad, MAX_GAMMA_WAD);
        gammaWad = newGammaWad;
        phiMinWad = newPhiMinWad;
        emit GammaSet(newGammaWad, newPhiMinWad);
    }

    /**
     * @notice Sets the bond limits. minBond >= debitCap + stake, so a member in a round can always pay both
     * its capped debit and a rejection stake: no payer is ever uncovered and settlement never waits on one.
     * @param minBondWei_ the bond a member needs at {openRound} to take part.
     * @param debitCapWei_ the most a member pays in one round, in (0, MAX_ABS_NET_WEI].
     * @param challengeStakeWei_ the stake of a rejection, > 0.
     * @param coordinatorBondWei_ the coordinator's required bond at {openRound} and its slash, > 0.
     */
    function setLimits(uint256 minBondWei_, uint256 debitCapWei_, uint256 challengeStakeWei_, uint256 coordinatorBondWei_)
        external
        onlyCoordinator
        whenNoActiveRound
        changesRule
    {
        if (
            debitCapWei_ == 0 || debitCapWei_ > uint256(MAX_ABS_NET_WEI) || challengeStakeWei_ == 0
                || coordinatorBondWei_ == 0 || minBondWei_ < debitCapWei_ + challengeStakeWei_
        ) {
            revert CoCoGenSettlementInvalidLimits(minBondWei_, debitCapWei_, challengeStakeWei_, coordinatorBondWei_);
        }
        minBondWei = minBondWei_;
        debitCapWei = debitCapWei_;
        challengeStakeWei = challengeStakeWei_;
        coordinatorBondWei = coordinatorBondWei_;
        emit LimitsSet(minBondWei_, debitCapWei_, challengeStakeWei_, coordinatorBondWei_);
    }

    /// @notice Adds `msg.value` to the caller's bond: a non-exited member's or the coordinator's; also mid-round.
    function depositSubmit() external payable {
        Membership memory membership = _membership[msg.sender];
        bool member = membership.registered && !membership.exited;
        if (!member && msg.sender != coordinator) revert CoCoGenSettlementNotBondHolder(msg.sender);
        if (msg.value == 0) revert CoCoGenSettlementZeroDeposit();
        uint256 bond = _bonds[msg.sender] + msg.value;
        _bonds[msg.sender] = bond;
        totalDeposited += msg.value;
        emit BondDeposited(msg.sender, msg.value, bond);
    }

    /**
     * @notice The caller leaves, at any time: it joins no later round; if it is in the active round it stays
     * in it until that round ends (bounded by the timeouts), then can withdraw.
     */
    function exitMembership() external {
        Membership storage membership = _membership[msg.sender];
        if (!membership.registered || membership.exited) revert CoCoGenSettlementNotMember(msg.sender);
        membership.exited = true;
        emit MemberExited(msg.sender, membership.index, _bonds[msg.sender]);
    }

    /**
     * @notice Pays `amountWei` of the caller's bond to the caller (pull payment). Locked only for the
     * active round's members and its coordinator; every other holder (exited members, former coordinators)
     * may withdraw at any time.
     * @param amountWei positive, at most the caller's bond.
     */
    function withdraw(uint256 amountWei) external nonReentrant {
        if (amountWei == 0) revert CoCoGenSettlementZeroWithdrawal();
        uint256 round = activeRound;
        if (round != 0 && _lockedIn(round, msg.sender)) revert CoCoGenSettlementBondsLocked(msg.sender, round);
        uint256 bond = _bonds[msg.sender];
        if (amountWei > bond) revert CoCoGenSettlementInsufficientBond(msg.sender, bond, amountWei);
        bond -= amountWei;
        _bonds[msg.sender] = bond;
        totalWithdrawn += amountWei;
        emit Withdrawn(msg.sender, amountWei, bond);
        (bool sent,) = msg.sender.call{value: amountWei}("");
        if (!sent) revert CoCoGenSettlementTransferFailed(msg.sender, amountWei);
    }

    // ------------------------------------------------------------------ rounds

    /**
     * @notice Opens `round` for every non-exited member whose bond is at least minBondWei (the others are
     * left out with {MemberNotEnrolled}); locks their bonds and the coordinator's until the round ends.
     * @param round must be lastRound + 1.
     * @param seedHash the hash of the round's validation seed (revealed in the evidence).
     * @param mode PairRule (commit contributions) or NetVector (commit a net vector, e.g. M^Shap).
     */
    function openRound(uint256 round, bytes32 seedHash, SettlementMode mode) external onlyCoordinator whenNoActiveRound {
        if (round != lastRound + 1) revert CoCoGenSettlementUnexpectedRound(round, lastRound + 1);
        uint256 minBond = minBondWei;
        if (challengeStakeWei == 0) revert CoCoGenSettlementLimitsNotSet();
        uint64 opensAt = ruleChangedAt + challengeWindow;
        if (block.timestamp < opensAt) revert CoCoGenSettlementRuleNotice(opensAt);
        uint256 coordinatorBond = _bonds[msg.sender];
        if (coordinatorBond < coordinatorBondWei) {
            revert CoCoGenSettlementCoordinatorBondTooLow(coordinatorBond, coordinatorBondWei);
        }
        uint256 n = _members.length;
        uint64 activeMask = 0;
        uint256 active = 0;
        for (uint256 i = 0; i < n; ++i) {
            address m = _members[i];
            if (_membership[m].exited) continue;
            uint256 bond = _bonds[m];
            if (bond < minBond) {
                emit MemberNotEnrolled(round, m, bond, minBond);
                continue;
            }
            activeMask |= _bit(i);
            ++active;
        }
        if (active == 0) revert CoCoGenSettlementNoActiveMembers();
        uint64 commitDeadline = uint64(block.timestamp) + commitTimeout;
        Round storage r = _rounds[round];
        r.status = RoundStatus.Open;
        r.mode = mode;
        r.commitDeadline = commitDeadline;
        r.activeMask = activeMask;
        r.seedHash = seedHash;
        lastRound = round;
        activeRound = round;
        coordinatorActiveAt = uint64(block.timestamp);
        emit RoundOpened(round, mode, seedHash, commitDeadline, activeMask, active);
    }

    /**
     * @notice Commits a PairRule round: the contribution x_i of every member (by index; 0 for members
     * outside the round, and 0 for a straggler, whose update was not averaged) and the evidence root.
     * Opens the challenge window.
     * @param round the Open round, before its commit deadline (inclusive).
     * @param contributionWad memberCount() entries, |x| <= MAX_ABS_CONTRIBUTION_WAD.
     * @param evidenceRoot the hash of the round's evidence bundle.
     */
    function commitContributions(uint256 round, int256[] calldata contributionWad, bytes32 evidenceRoot)
        external
        onlyCoordinator
    {
        Round storage r = _requireCommittable(round, SettlementMode.PairRule, contributionWad.length);
        uint64 activeMask = r.activeMask;
        for (uint256 i = 0; i < contributionWad.length; ++i) {
            int256 x = contributionWad[i];
            if (x == 0) continue;
            if (activeMask & _bit(i) == 0) revert CoCoGenSettlementValueOutsideRound(round, _members[i], x);
            if (x > MAX_ABS_CONTRIBUTION_WAD || x < -MAX_ABS_CONTRIBUTION_WAD) {
                revert CoCoGenSettlementContributionOutOfRange(_members[i], x, MAX_ABS_CONTRIBUTION_WAD);
            }
        }
        _commit(round, r, contributionWad, evidenceRoot);
    }

    /**
     * @notice Commits a NetVector round: every member's net in wei (by index; positive receives, 0 for
     * members outside the round), summing to 0, no debit above debitCapWei, and the evidence root.
     * Opens the challenge window.
     * @param round the Open round, before its commit deadline (inclusive).
     * @param netWei memberCount() entries.
     * @param evidenceRoot the hash of the round's evidence bundle.
     */
    function commitNet(uint256 round, int256[] calldata netWei, bytes32 evidenceRoot) external onlyCoordinator {
        Round storage r = _requireCommittable(round, SettlementMode.NetVector, netWei.length);
        uint64 activeMask = r.activeMask;
        uint256 cap = debitCapWei;
        int256 sum = 0;
        for (uint256 i = 0; i < netWei.length; ++i) {
            int256 net = netWei[i];
            if (net == 0) continue;
            if (activeMask & _bit(i) == 0) revert CoCoGenSettlementValueOutsideRound(round, _members[i], net);
            if (net > MAX_ABS_NET_WEI || net < -MAX_ABS_NET_WEI) {
                revert CoCoGenSettlementNetOutOfRange(_members[i], net, MAX_ABS_NET_WEI);
            }
            if (net < 0 && uint256(-net) > cap) revert CoCoGenSettlementDebitAboveCap(_members[i], uint256(-net), cap);
            // Cannot overflow: at most 64 entries of |net| <= 1e54.
            unchecked {
                sum += net;
            }
        }
        if (sum != 0) revert CoCoGenSettlementNetSumNonZero(round, sum);
        _commit(round, r, netWei, evidenceRoot);
    }

    /**
     * @notice Rejects round `round`'s commitment, staking challengeStakeWei from the caller's bond (once per
     * member, within the window). When a strict majority of all the round's members has rejected, the round
     * is voided at once: stakes are returned and the coordinator is slashed for the members.
     * @param round the Committed round.
     */
    function rejectCommitment(uint256 round) external {
        (Round storage r, uint64 bit) = _requireVote(round);
        uint256 stake = challengeStakeWei;
        r.rejectMask |= bit;
        // Covered: the bond was >= minBond >= debitCap + stake at open, is locked, and one vote per member.
        _bonds[msg.sender] -= stake;
        uint256 rejections = _popCount(r.rejectMask);
        uint256 active = _popCount(r.activeMask);
        uint256 needed = active / 2 + 1;
        emit RoundChallenged(round, msg.sender, stake, rejections, needed);
        if (rejections >= needed) {
            r.status = RoundStatus.Rejected;
            activeRound = 0;
            uint64 rejectMask = r.rejectMask;
            uint256 n = _members.length;
            for (uint256 i = 0; i < n; ++i) {
                if (rejectMask & _bit(i) != 0) _bonds[_members[i]] += stake;
            }
            emit RoundRejected(round, rejections, active);
            _slashCoordinator(round, r.activeMask);
        }
    }

    /**
     * @notice Accepts round `round`'s commitment (once per member, within the window). Optional: silence
     * counts as acceptance; explicit acceptances let the round settle before the window ends.
     * @param round the Committed round.
     */
    function acceptCommitment(uint256 round) external {
        (Round storage r, uint64 bit) = _requireVote(round);
        r.acceptMask |= bit;
        emit RoundAccepted(round, msg.sender, _popCount(r.acceptMask));
    }

    /**
     * @notice Settles a Committed round that stands (anyone): after the challenge window, or earlier once
     * so many members accepted that the others cannot form a rejecting majority. Applies the committed
     * rule to the bonds and gives the rejecters' stakes to the round's other members.
     * @param round the Committed round.
     */
    function settleRound(uint256 round) external {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.Committed) revert CoCoGenSettlementWrongStatus(round, r.status);
        uint256 active = _popCount(r.activeMask);
        bool decided = (active - _popCount(r.acceptMask)) * 2 <= active;
        if (block.timestamp <= r.challengeDeadline && !decided) {
            revert CoCoGenSettlementChallengeWindowOpen(round, r.challengeDeadline);
        }
        r.status = RoundStatus.Settled;
        activeRound = 0;
        int256[] memory net = _netWei(round, r);
        uint256 rejections = _popCount(r.rejectMask);
        uint256 forfeited = rejections * challengeStakeWei;
        uint256 recipients = active - rejections;
        _applySettlement(round, r, net, forfeited, recipients);
        if (forfeited != 0) emit StakesForfeited(round, forfeited, recipients);
        emit RoundSettled(round, msg.sender, keccak256(abi.encodePacked(net)));
    }

    /**
     * @notice Voids an Open round the coordinator did not commit by its deadline (anyone, after it):
     * the bonds unlock and the coordinator is slashed for the members.
     * @param round the Open round.
     */
    function abandonRound(uint256 round) external {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.Open) revert CoCoGenSettlementWrongStatus(round, r.status);
        if (block.timestamp <= r.commitDeadline) revert CoCoGenSettlementCommitDeadlineNotPassed(round, r.commitDeadline);
        r.status = RoundStatus.Abandoned;
        activeRound = 0;
        emit RoundAbandoned(round, msg.sender);
        _slashCoordinator(round, r.activeMask);
    }

    // ------------------------------------------------------------------ views

    /**
     * @notice Net transfer of every member for a Committed round by the committed rule, by member index
     * (0 for members outside it), stakes excluded. Sums to 0 exactly.
     * @param round a Committed round.
     * @return netWei positive: the member receives; negative: it pays.
     */
    function payoffCalculate(uint256 round) external view returns (int256[] memory netWei) {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.Committed) revert CoCoGenSettlementWrongStatus(round, r.status);
        return _netWei(round, r);
    }

    /**
     * @notice Everything about `round` except its committed vector.
     * @param round any round number.
     * @return status the round's status.
     * @return mode its settlement mode.
     * @return commitDeadline last second the coordinator may commit.
     * @return challengeDeadline last second members may vote (0 before the commitment).
     * @return activeMask bit i set: member i takes part.
     * @return rejectMask bit i set: member i rejected.
     * @return acceptMask bit i set: member i accepted.
     * @return seedHash the validation seed's hash committed at open.
     * @return evidenceRoot the evidence bundle's hash committed with the values.
     */
    function roundInfo(uint256 round)
        external
        view
        returns (
            RoundStatus status,
            SettlementMode mode,
            uint64 commitDeadline,
            uint64 challengeDeadline,
            uint64 activeMask,
            uint64 rejectMask,
            uint64 acceptMask,
            bytes32 seedHash,
            bytes32 evidenceRoot
        )
    {
        Round storage r = _rounds[round];
        return (
            r.status, r.mode, r.commitDeadline, r.challengeDeadline, r.activeMask, r.rejectMask, r.acceptMask, r.seedHash, r.evidenceRoot
        );
    }

    /**
     * @notice Status of `round` (None for rounds never opened).
     * @param round any round number.
     * @return the status.
     */
    function roundStatus(uint256 round) external view returns (RoundStatus) {
        return _rounds[round].status;
    }

    /**
     * @notice The committed vector of `round` by member index (empty before the commitment).
     * @param round any round number.
     * @return values x in Wad (PairRule) or net in wei (NetVector).
     */
    function committedValues(uint256 round) external view returns (int256[] memory values) {
        return _values[round];
    }

    /// @notice Number of members ever registered (exited ones keep their index).
    function memberCount() external view returns (uint256) {
        return _members.length;
    }

    /**
     * @notice The member with index `index`.
     * @param index in [0, memberCount()).
     * @return the member's account.
     */
    function memberAt(uint256 index) external view returns (address) {
        if (index >= _members.length) revert CoCoGenSettlementMemberIndexOutOfRange(index, _members.length);
        return _members[index];
    }

    /**
     * @notice Whether `account` is registered and has not exited.
     * @param account any address.
     * @return true for a current member.
     */
    function isMember(address account) external view returns (bool) {
        Membership memory membership = _membership[account];
        return membership.registered && !membership.exited;
    }

    /**
     * @notice `account`'s bond in wei (members, the coordinator, former coordinators).
     * @param account any address.
     * @return the bond.
     */
    function bondOf(address account) external view returns (uint256) {
        return _bonds[account];
    }

    /**
     * @notice Whether `account`'s bond is locked now (it is in the active round, or coordinates it).
     * @param account any address.
     * @return true while locked.
     */
    function isLocked(address account) external view returns (bool) {
        uint256 round = activeRound;
        return round != 0 && _lockedIn(round, account);
    }

    /**
     * @notice The normalised competition intensity between members `i` and `j`, Wad.
     * @param i a member index.
     * @param j a member index.
     * @return rho_hat_ij (0 on the diagonal and for members registered after the last {setCompetition}).
     */
    function rhoWad(uint256 i, uint256 j) external view returns (uint256) {
        uint256 n = _members.length;
        if (i >= n) revert CoCoGenSettlementMemberIndexOutOfRange(i, n);
        if (j >= n) revert CoCoGenSettlementMemberIndexOutOfRange(j, n);
        if (i == j) return 0;
        return i < j ? _rho(i, j) : _rho(j, i);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Names `candidate` as pending coordinator.
    function _propose(address candidate) private {
        if (candidate == address(0)) revert CoCoGenSettlementZeroAddress();
        if (_membership[candidate].registered) revert CoCoGenSettlementCoordinatorIsMember(candidate);
        pendingCoordinator = candidate;
        emit CoordinatorProposed(msg.sender, candidate);
    }

    /// @dev Whether `account` is a member of active round `round` or its coordinator.
    function _lockedIn(uint256 round, address account) private view returns (bool) {
        if (account == coordinator) return true;
        Membership memory membership = _membership[account];
        return membership.registered && _rounds[round].activeMask & _bit(membership.index) != 0;
    }

    /// @dev Checks shared by both commit functions.
    function _requireCommittable(uint256 round, SettlementMode mode, uint256 length) private view returns (Round storage r) {
        r = _rounds[round];
        if (r.status != RoundStatus.Open) revert CoCoGenSettlementWrongStatus(round, r.status);
        if (r.mode != mode) revert CoCoGenSettlementWrongMode(round, r.mode);
        if (block.timestamp > r.commitDeadline) revert CoCoGenSettlementCommitDeadlinePassed(round, r.commitDeadline);
        uint256 n = _members.length;
        if (length != n) revert CoCoGenSettlementValuesLength(n, length);
    }

    /// @dev Stores the commitment and opens the challenge window.
    function _commit(uint256 round, Round storage r, int256[] calldata values, bytes32 evidenceRoot) private {
        uint64 challengeDeadline = uint64(block.timestamp) + challengeWindow;
        r.status = RoundStatus.Committed;
        r.challengeDeadline = challengeDeadline;
        r.evidenceRoot = evidenceRoot;
        _values[round] = values;
        emit RoundCommitted(round, evidenceRoot, values, challengeDeadline);
    }

    /// @dev Checks shared by both votes: Committed, within the window, a round member that has not voted.
    function _requireVote(uint256 round) private view returns (Round storage r, uint64 bit) {
        r = _rounds[round];
        if (r.status != RoundStatus.Committed) revert CoCoGenSettlementWrongStatus(round, r.status);
        if (block.timestamp > r.challengeDeadline) {
            revert CoCoGenSettlementChallengeWindowClosed(round, r.challengeDeadline);
        }
        Membership memory membership = _membership[msg.sender];
        bit = _bit(membership.index);
        if (!membership.registered || r.activeMask & bit == 0) revert CoCoGenSettlementNotInRound(round, msg.sender);
        if ((r.rejectMask | r.acceptMask) & bit != 0) revert CoCoGenSettlementAlreadyVoted(round, msg.sender);
    }

    /// @dev Moves each round member's bond by its net plus, for non-rejecters, an equal share of the
    /// forfeited stakes; the remainder of the split goes to the first recipient by index, so no wei is
    /// created or lost. Debits are covered: debit <= debitCap <= bond - stake taken (see {setLimits}).
    function _applySettlement(uint256 round, Round storage r, int256[] memory net, uint256 forfeited, uint256 recipients)
        private
    {
        uint256 share = recipients == 0 ? 0 : forfeited / recipients;
        uint256 bonus = forfeited - share * recipients + share;
        uint64 activeMask = r.activeMask;
        uint64 rejectMask = r.rejectMask;
        uint256 n = net.length;
        for (uint256 i = 0; i < n; ++i) {
            uint64 bit = _bit(i);
            if (activeMask & bit == 0) continue;
            int256 moved = net[i];
            if (rejectMask & bit == 0) {
                moved += int256(bonus);
                bonus = share;
            }
            address member = _members[i];
            uint256 bond = _bonds[member];
            bond = moved < 0 ? bond - uint256(-moved) : bond + uint256(moved);
            _bonds[member] = bond;
            emit PayoffTransferred(round, member, moved, bond);
        }
    }

    /// @dev Moves coordinatorBondWei from the coordinator to the round's members in equal shares; the
    /// remainder of the split stays with the coordinator, so no wei is created or lost.
    function _slashCoordinator(uint256 round, uint64 activeMask) private {
        uint256 amount = coordinatorBondWei;
        uint256 active = _popCount(activeMask);
        uint256 share = amount / active;
        address slashed = coordinator;
        // Covered: the coordinator's bond was >= coordinatorBondWei at open and is locked.
        _bonds[slashed] -= share * active;
        uint256 n = _members.length;
        for (uint256 i = 0; i < n; ++i) {
            if (activeMask & _bit(i) != 0) _bonds[_members[i]] += share;
        }
        emit CoordinatorSlashed(round, slashed, share * active, share);
    }

    /// @dev Net transfers of a Committed round by its mode: the stored net vector, or the capped pair rule.
    function _netWei(uint256 round, Round storage r) private view returns (int256[] memory) {
        int256[] memory values = _values[round];
        if (r.mode == SettlementMode.NetVector) return values;
        return _pairNets(values, r.activeMask);
    }

    /// @dev The pair rule over the members in `activeMask`: each unordered pair once, +r to i and -r to j,
    /// r clamped to +-floor(debitCap / (n - 1)) so no member's debit exceeds debitCap.
    function _pairNets(int256[] memory x, uint64 activeMask) private view returns (int256[] memory netWei) {
        uint256 n = x.length;
        netWei = new int256[](n);
        int256 pairCap;
        {
            uint256 active = _popCount(activeMask);
            if (active < 2) return netWei;
            pairCap = int256(debitCapWei / (active - 1));
        }
        uint256 gamma = gammaWad;
        // Unchecked: a net sums at most 63 pair transfers of |r| <= pairCap <= 1e54.
        unchecked {
            for (uint256 i = 0; i < n; ++i) {
                if (activeMask & _bit(i) == 0) continue;
                int256 xi = x[i];
                int256 netI = netWei[i];
                uint256 word = 0;
                for (uint256 j = i + 1; j < n; ++j) {
                    uint256 key = i * MAX_MEMBERS + j;
                    // One storage read per four pairs: reload at a word boundary or the row's first pair.
                    if (key & 3 == 0 || j == i + 1) word = _rhoWords[key >> 2];
                    if (activeMask & _bit(j) == 0) continue;
                    int256 rWei = _pairWei(gamma, (word >> ((key & 3) * RHO_BITS)) & RHO_MASK, xi - x[j], pairCap);
                    netI += rWei;
                    netWei[j] -= rWei;
                }
                netWei[i] = netI;
            }
        }
    }

    /**
     * @dev r_ij in wei (each division truncates toward zero), then clamped to [-pairCap, pairCap]:
     * rate = gamma * rho / 1e18; rWad = rate * (x_i - x_j) / 1e18; rWei = rWad * weiPerUnit / 1e18.
     * Unchecked is safe: |x| <= 1e30, gamma <= 1e30, rho <= 1e18 and weiPerUnit <= 1e30 bound rate by
     * 1e30, |x_i - x_j| by 2e30, |rWad| by 2e42 and |rWei| by 2e54, far below 2^255.
     */
    function _pairWei(uint256 gamma, uint256 rho, int256 gap, int256 pairCap) private view returns (int256 rWei) {
        unchecked {
            int256 rate = int256(gamma * rho / WAD);
            rWei = rate * gap / SIGNED_WAD * int256(weiPerUnit) / SIGNED_WAD;
        }
        if (rWei > pairCap) return pairCap;
        if (rWei < -pairCap) return -pairCap;
    }

    /// @dev rho_hat_ij for i < j from the packed upper triangle.
    function _rho(uint256 i, uint256 j) private view returns (uint256) {
        uint256 key = i * MAX_MEMBERS + j;
        return (_rhoWords[key >> 2] >> ((key & 3) * RHO_BITS)) & RHO_MASK;
    }

    /// @dev The mask bit of member index `index` (< MAX_MEMBERS).
    function _bit(uint256 index) private pure returns (uint64) {
        return uint64(1 << index);
    }

    /// @dev Number of set bits in a member mask.
    function _popCount(uint64 mask) private pure returns (uint256 count) {
        while (mask != 0) {
            mask &= mask - 1;
            ++count;
        }
    }
}

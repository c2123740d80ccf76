// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/**
 * @title CoCoGenSettlement
 * @notice Budget-balanced payoff redistribution for coopetitive cross-silo federated learning (CoCoGen+).
 *
 * Members post bonds, submit one contribution profile per round, and the contract moves
 * r_ij = gamma * rho_ij * (x_i - x_j) between every pair of members that took part in the round.
 * Each unordered pair is computed once and applied +r / -r, so the net transfers sum to zero in wei.
 *
 * Rounds are a state machine: None -> Open -> (Closed -> Settled) | Disputed. While a round is Open or
 * Closed, the bonds of its members are locked and the membership and parameters are frozen.
 * A member's own profile must equal the coordinator's record of that member's update, otherwise the
 * round is Disputed and nothing is transferred.
 *
 * Fixed point: every "Wad" value is scaled by 1e18. Payouts leave the contract only through
 * {withdraw} (pull payments).
 */
contract CoCoGenSettlement is ReentrancyGuard {
    /// @notice A member's profile for one round: its update and the contribution derived from it.
    struct Profile {
        uint64 localSamples;
        uint64 syntheticSamples;
        uint256 lossWad;
        int256 contributionWad;
        bytes32 weightsHash;
    }

    /// @notice Life cycle of a round.
    enum RoundStatus {
        None,
        Open,
        Closed,
        Disputed,
        Settled
    }

    /// @dev Per-round bookkeeping; bit i of a mask stands for the member with index i.
    struct Round {
        RoundStatus status;
        uint64 deadline;
        uint64 activeMask;
        uint64 submittedMask;
        uint64 recordedMask;
    }

    /// @dev What a round holds for one member: hashes of both profiles and the submitted contribution.
    struct Submission {
        bytes32 submittedHash;
        bytes32 recordedHash;
        int256 contributionWad;
    }

    /// @dev Registration state of an address.
    struct Membership {
        bool registered;
        bool exited;
        uint8 index;
    }

    /// @notice Upper bound on registered members; bounds every loop of the contract.
    uint256 public constant MAX_MEMBERS = 64;
    /// @notice Largest accepted |x_i| in Wad (1e12 payoff units); keeps the pair arithmetic far from overflow.
    int256 public constant MAX_ABS_CONTRIBUTION_WAD = 1e30;
    /// @notice Largest accepted gamma in Wad (1e12 money units per contribution unit).
    uint256 public constant MAX_GAMMA_WAD = 1e30;
    /// @notice Largest accepted conversion from one payoff unit to wei (1e12 ether).
    uint256 public constant MAX_WEI_PER_UNIT = 1e30;

    uint256 private constant WAD = 1e18;
    int256 private constant SIGNED_WAD = 1e18;
    /// @dev rho values are <= 1e18 < 2^64, so four fit in one storage word.
    uint256 private constant RHO_BITS = 64;
    uint256 private constant RHO_MASK = type(uint64).max;

    /// @notice Wei paid per payoff unit: a transfer of rWad (Wad units) moves rWad * weiPerUnit / 1e18 wei.
    uint256 public immutable weiPerUnit;
    /// @notice Seconds between {openRound} and the round's submission deadline.
    uint64 public immutable submissionWindow;

    /// @notice The account that registers members, sets parameters, opens rounds and records profiles.
    address public coordinator;
    /// @notice Payoff compensation rate per unit of contribution gap, in Wad.
    uint256 public gammaWad;
    /// @notice The smallest rival rate phi_j the coordinator attested with {setGamma} (Remark 1 bound).
    uint256 public phiMinWad;
    /// @notice The last round opened (0 before the first).
    uint256 public lastRound;
    /// @notice The round that is Open or Closed, whose members' bonds are locked (0 when none).
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
    mapping(uint256 round => mapping(uint256 index => Submission)) private _submissions;
    /// @dev First round in which a member submitted a weights hash (replay protection).
    mapping(address member => mapping(bytes32 weightsHash => uint256 round)) private _submittedHashRound;
    /// @dev First round in which the coordinator recorded a weights hash for a member.
    mapping(address member => mapping(bytes32 weightsHash => uint256 round)) private _recordedHashRound;

    /// @notice The coordinator changed (also emitted at deployment with `previous` = 0).
    event CoordinatorChanged(address indexed previous, address indexed current);
    /// @notice `member` joined with index `index`.
    event MemberRegistered(address indexed member, uint256 indexed index);
    /// @notice The competition matrix was replaced; `rhoHash` is keccak256 of the flat matrix as given.
    event CompetitionSet(uint256 indexed memberCount, bytes32 rhoHash);
    /// @notice gamma was set under the Remark 1 bound `phiMinWad`.
    event GammaSet(uint256 gammaWad, uint256 phiMinWad);
    /// @notice `member` added `amountWei`; its bond is now `bondWei`.
    event BondDeposited(address indexed member, uint256 amountWei, uint256 bondWei);
    /// @notice Round `round` opened for `activeMembers` members until `deadline`.
    event RoundOpened(uint256 indexed round, uint64 deadline, uint256 activeMembers);
    /// @notice The coordinator recorded `member`'s profile (hash = keccak256(abi.encode(profile))).
    event ProfileRecorded(uint256 indexed round, address indexed member, bytes32 profileHash, int256 contributionWad);
    /// @notice `member` submitted its own profile.
    event ContributionSubmitted(
        uint256 indexed round, address indexed member, bytes32 profileHash, int256 contributionWad
    );
    /// @notice Round `round` closed without dispute; `submitted` of `active` members submitted.
    event RoundClosed(uint256 indexed round, address indexed closedBy, uint256 submitted, uint256 active);
    /// @notice `member`'s submission differs from the coordinator's record (`recordedHash` = 0: no record).
    event ProfileMismatch(uint256 indexed round, address indexed member, bytes32 submittedHash, bytes32 recordedHash);
    /// @notice Round `round` was closed as Disputed because `mismatches` submissions differ from their records.
    event RoundDisputed(uint256 indexed round, address indexed closedBy, uint256 mismatches);
    /// @notice `member`'s bond moved by `netWei` in round `round`; it is now `bondWei`.
    event PayoffTransferred(uint256 indexed round, address indexed member, int256 netWei, uint256 bondWei);
    /// @notice Round `round` settled; its members' bonds are unlocked.
    event RoundSettled(uint256 indexed round, address indexed settledBy);
    /// @notice `member` withdrew `amountWei`; its bond is now `bondWei`.
    event Withdrawn(address indexed member, uint256 amountWei, uint256 bondWei);
    /// @notice `member` (index `index`) left; it keeps `bondWei` to withdraw.
    event MemberExited(address indexed member, uint256 indexed index, uint256 bondWei);

    /// @notice The caller is not the coordinator.
    error CoCoGenSettlementNotCoordinator(address caller);
    /// @notice `account` is not a registered, non-exited member.
    error CoCoGenSettlementNotMember(address account);
    /// @notice `account` is (or was) registered already.
    error CoCoGenSettlementAlreadyMember(address account);
    /// @notice The zero address is not accepted.
    error CoCoGenSettlementZeroAddress();
    /// @notice Registration would exceed `max` members.
    error CoCoGenSettlementTooManyMembers(uint256 max);
    /// @notice The constructor's conversion rate is 0 or above MAX_WEI_PER_UNIT.
    error CoCoGenSettlementInvalidWeiPerUnit(uint256 weiPerUnit);
    /// @notice The constructor's submission window is 0 or longer than 365 days.
    error CoCoGenSettlementInvalidSubmissionWindow();
    /// @notice The call is not allowed while round `round` is Open or Closed.
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
    /// @notice A deposit must carry value.
    error CoCoGenSettlementZeroDeposit();
    /// @notice Rounds are opened in sequence: `expected` = lastRound + 1.
    error CoCoGenSettlementUnexpectedRound(uint256 round, uint256 expected);
    /// @notice A round needs at least one member.
    error CoCoGenSettlementNoActiveMembers();
    /// @notice Round `round` is in `status`, not Open.
    error CoCoGenSettlementRoundNotOpen(uint256 round, RoundStatus status);
    /// @notice Round `round` is in `status`, not Closed.
    error CoCoGenSettlementRoundNotClosed(uint256 round, RoundStatus status);
    /// @notice Submissions for round `round` ended at `deadline`.
    error CoCoGenSettlementDeadlinePassed(uint256 round, uint64 deadline);
    /// @notice `member` does not take part in round `round`.
    error CoCoGenSettlementNotInRound(uint256 round, address member);
    /// @notice `member` submitted its profile for round `round` already.
    error CoCoGenSettlementAlreadySubmitted(uint256 round, address member);
    /// @notice The coordinator recorded `member`'s profile for round `round` already.
    error CoCoGenSettlementAlreadyRecorded(uint256 round, address member);
    /// @notice `weightsHash` was used for `member` in round `firstRound` already.
    error CoCoGenSettlementProfileReplayed(address member, bytes32 weightsHash, uint256 firstRound);
    /// @notice `member`'s contribution is outside [-max, max].
    error CoCoGenSettlementContributionOutOfRange(address member, int256 contributionWad, int256 max);
    /// @notice `member`'s profile has no weights hash.
    error CoCoGenSettlementZeroWeightsHash(address member);
    /// @notice Round `round` can be closed by the coordinator once all `active` members submitted, by anyone after `deadline`.
    error CoCoGenSettlementRoundNotClosable(uint256 round, uint64 deadline, uint256 submitted, uint256 active);
    /// @notice Settlement would take `debit` from `member` whose bond is only `bond`; nothing changed.
    error CoCoGenSettlementUncoveredPayer(address member, uint256 bond, uint256 debit);
    /// @notice `member`'s bond is locked by round `round`.
    error CoCoGenSettlementBondsLocked(address member, uint256 round);
    /// @notice `member` asked for `amount` but its bond is `bond`.
    error CoCoGenSettlementInsufficientBond(address member, uint256 bond, uint256 amount);
    /// @notice A withdrawal must be for a positive amount.
    error CoCoGenSettlementZeroWithdrawal();
    /// @notice Sending `amount` to `member` failed; nothing changed.
    error CoCoGenSettlementTransferFailed(address member, uint256 amount);
    /// @notice No member has index `index` (there are `count`).
    error CoCoGenSettlementMemberIndexOutOfRange(uint256 index, uint256 count);

    /// @dev Reverts unless the caller is the coordinator.
    modifier onlyCoordinator() {
        if (msg.sender != coordinator) revert CoCoGenSettlementNotCoordinator(msg.sender);
        _;
    }

    /// @dev Reverts while a round is Open or Closed (membership and parameters are frozen then).
    modifier whenNoActiveRound() {
        if (activeRound != 0) revert CoCoGenSettlementRoundActive(activeRound);
        _;
    }

    /**
     * @notice Deploys the settlement; the deployer becomes the coordinator.
     * @param weiPerUnit_ wei paid per payoff unit, in (0, MAX_WEI_PER_UNIT].
     * @param submissionWindow_ seconds from {openRound} to the submission deadline, in (0, 365 days].
     */
    constructor(uint256 weiPerUnit_, uint64 submissionWindow_) {
        if (weiPerUnit_ == 0 || weiPerUnit_ > MAX_WEI_PER_UNIT) revert CoCoGenSettlementInvalidWeiPerUnit(weiPerUnit_);
        if (submissionWindow_ == 0 || submissionWindow_ > 365 days) revert CoCoGenSettlementInvalidSubmissionWindow();
        weiPerUnit = weiPerUnit_;
        submissionWindow = submissionWindow_;
        coordinator = msg.sender;
        emit CoordinatorChanged(address(0), msg.sender);
    }

    /**
     * @notice Hands the coordinator role to `newCoordinator`; not while a round is active.
     * @param newCoordinator the next coordinator, not the zero address.
     */
    function transferCoordinator(address newCoordinator) external onlyCoordinator whenNoActiveRound {
        if (newCoordinator == address(0)) revert CoCoGenSettlementZeroAddress();
        emit CoordinatorChanged(coordinator, newCoordinator);
        coordinator = newCoordinator;
    }

    /**
     * @notice Registers `member` with the next index; its rho entries start at 0 until {setCompetition}.
     * @param member the member's account; an address can be registered once, even after exiting.
     */
    function registerMember(address member) external onlyCoordinator whenNoActiveRound {
        if (member == address(0)) revert CoCoGenSettlementZeroAddress();
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
    function setCompetition(uint256[] calldata rhoWadFlat) external onlyCoordinator whenNoActiveRound {
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
        emit CompetitionSet(n, keccak256(abi.encodePacked(rhoWadFlat)));
    }

    /**
     * @notice Sets gamma under Remark 1: no member compensates a rival beyond what it extracted from it.
     * @param newGammaWad payoff rate per unit of contribution gap, Wad, <= MAX_GAMMA_WAD.
     * @param newPhiMinWad the smallest rival rate phi_j among the members, Wad; gamma must not exceed it.
     */
    function setGamma(uint256 newGammaWad, uint256 newPhiMinWad) external onlyCoordinator whenNoActiveRound {
        if (newGammaWad > newPhiMinWad) revert CoCoGenSettlementGammaAboveRemark1(newGammaWad, newPhiMinWad);
        if (newGammaWad > MAX_GAMMA_WAD) revert CoCoGenSettlementGammaTooLarge(newGammaWad, MAX_GAMMA_WAD);
        gammaWad = newGammaWad;
        phiMinWad = newPhiMinWad;
        emit GammaSet(newGammaWad, newPhiMinWad);
    }

    /// @notice Adds `msg.value` to the caller's bond; allowed during rounds (a payer may top up).
    function depositSubmit() external payable {
        Membership memory membership = _membership[msg.sender];
        if (!membership.registered || membership.exited) revert CoCoGenSettlementNotMember(msg.sender);
        if (msg.value == 0) revert CoCoGenSettlementZeroDeposit();
        uint256 bond = _bonds[msg.sender] + msg.value;
        _bonds[msg.sender] = bond;
        totalDeposited += msg.value;
        emit BondDeposited(msg.sender, msg.value, bond);
    }

    /**
     * @notice Opens `round` for every current member; their bonds are locked until it settles or is disputed.
     * @param round must be lastRound + 1.
     */
    function openRound(uint256 round) external onlyCoordinator whenNoActiveRound {
        if (round != lastRound + 1) revert CoCoGenSettlementUnexpectedRound(round, lastRound + 1);
        uint256 n = _members.length;
        uint64 activeMask = 0;
        uint256 active = 0;
        for (uint256 i = 0; i < n; ++i) {
            if (!_membership[_members[i]].exited) {
                activeMask |= _bit(i);
                ++active;
            }
        }
        if (active == 0) revert CoCoGenSettlementNoActiveMembers();
        uint64 deadline = uint64(block.timestamp) + submissionWindow;
        _rounds[round] = Round({
            status: RoundStatus.Open,
            deadline: deadline,
            activeMask: activeMask,
            submittedMask: 0,
            recordedMask: 0
        });
        lastRound = round;
        activeRound = round;
        emit RoundOpened(round, deadline, active);
    }

    /**
     * @notice The coordinator's record of `member`'s update for `round`, once per member, until the deadline.
     * @param round the Open round.
     * @param member a member taking part in the round.
     * @param p the profile the coordinator received from `member`.
     */
    function profileRecord(uint256 round, address member, Profile calldata p) external onlyCoordinator {
        (Round storage r, uint256 index) = _requireSubmittable(round, member, p);
        uint64 bit = _bit(index);
        if (r.recordedMask & bit != 0) revert CoCoGenSettlementAlreadyRecorded(round, member);
        uint256 firstRound = _recordedHashRound[member][p.weightsHash];
        if (firstRound != 0) revert CoCoGenSettlementProfileReplayed(member, p.weightsHash, firstRound);
        bytes32 profileHash = keccak256(abi.encode(p));
        r.recordedMask |= bit;
        _submissions[round][index].recordedHash = profileHash;
        _recordedHashRound[member][p.weightsHash] = round;
        emit ProfileRecorded(round, member, profileHash, p.contributionWad);
    }

    /**
     * @notice The caller's own profile for `round`, once per round, until the deadline.
     * @param round the Open round.
     * @param p the caller's profile; it must equal the coordinator's record or the round is Disputed.
     */
    function contributionSubmit(uint256 round, Profile calldata p) external {
        (Round storage r, uint256 index) = _requireSubmittable(round, msg.sender, p);
        uint64 bit = _bit(index);
        if (r.submittedMask & bit != 0) revert CoCoGenSettlementAlreadySubmitted(round, msg.sender);
        uint256 firstRound = _submittedHashRound[msg.sender][p.weightsHash];
        if (firstRound != 0) revert CoCoGenSettlementProfileReplayed(msg.sender, p.weightsHash, firstRound);
        bytes32 profileHash = keccak256(abi.encode(p));
        r.submittedMask |= bit;
        Submission storage s = _submissions[round][index];
        s.submittedHash = profileHash;
        s.contributionWad = p.contributionWad;
        _submittedHashRound[msg.sender][p.weightsHash] = round;
        emit ContributionSubmitted(round, msg.sender, profileHash, p.contributionWad);
    }

    /**
     * @notice Closes `round`: the coordinator once every member submitted, anyone after the deadline.
     * Members that did not submit count x = 0. A submission that differs from the coordinator's record
     * (or has none) makes the round Disputed, which unlocks the bonds without any transfer.
     * @param round the Open round.
     */
    function closeRound(uint256 round) external {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.Open) revert CoCoGenSettlementRoundNotOpen(round, r.status);
        uint64 activeMask = r.activeMask;
        uint64 submittedMask = r.submittedMask;
        uint256 submitted = _popCount(submittedMask);
        uint256 active = _popCount(activeMask);
        bool pastDeadline = block.timestamp > r.deadline;
        bool coordinatorEarly = msg.sender == coordinator && submittedMask == activeMask;
        if (!pastDeadline && !coordinatorEarly) {
            revert CoCoGenSettlementRoundNotClosable(round, r.deadline, submitted, active);
        }
        uint256 mismatches = 0;
        uint256 n = _members.length;
        for (uint256 i = 0; i < n; ++i) {
            if (submittedMask & _bit(i) == 0) continue;
            Submission storage s = _submissions[round][i];
            if (s.submittedHash != s.recordedHash) {
                ++mismatches;
                emit ProfileMismatch(round, _members[i], s.submittedHash, s.recordedHash);
            }
        }
        if (mismatches != 0) {
            r.status = RoundStatus.Disputed;
            activeRound = 0;
            emit RoundDisputed(round, msg.sender, mismatches);
        } else {
            r.status = RoundStatus.Closed;
            emit RoundClosed(round, msg.sender, submitted, active);
        }
    }

    /**
     * @notice Net transfer of every member for a Closed round, by member index (0 for members outside it).
     * @param round a Closed round.
     * @return netWei positive: the member receives; negative: it pays. The entries sum to 0 exactly.
     */
    function payoffCalculate(uint256 round) external view returns (int256[] memory netWei) {
        RoundStatus status = _rounds[round].status;
        if (status != RoundStatus.Closed) revert CoCoGenSettlementRoundNotClosed(round, status);
        return _netWei(round);
    }

    /**
     * @notice Applies the Closed round's net transfers to the bonds (Closed -> Settled); anyone may call.
     * Reverts with {CoCoGenSettlementUncoveredPayer} for the first payer whose bond does not cover its
     * debit, changing nothing; that payer can top up with {depositSubmit} and settlement be retried.
     * @param round a Closed round.
     */
    function payoffTransfer(uint256 round) external {
        Round storage r = _rounds[round];
        if (r.status != RoundStatus.Closed) revert CoCoGenSettlementRoundNotClosed(round, r.status);
        int256[] memory netWei = _netWei(round);
        uint256 n = netWei.length;
        for (uint256 i = 0; i < n; ++i) {
            if (netWei[i] < 0) {
                address payer = _members[i];
                uint256 debit = uint256(-netWei[i]);
                uint256 bond = _bonds[payer];
                if (bond < debit) revert CoCoGenSettlementUncoveredPayer(payer, bond, debit);
            }
        }
        r.status = RoundStatus.Settled;
        activeRound = 0;
        uint64 activeMask = r.activeMask;
        for (uint256 i = 0; i < n; ++i) {
            if (activeMask & _bit(i) == 0) continue;
            address member = _members[i];
            int256 net = netWei[i];
            uint256 bond = _bonds[member];
            bond = net < 0 ? bond - uint256(-net) : bond + uint256(net);
            _bonds[member] = bond;
            emit PayoffTransferred(round, member, net, bond);
        }
        emit RoundSettled(round, msg.sender);
    }

    /**
     * @notice Pays `amountWei` of the caller's bond to the caller (pull payment).
     * Allowed unless the caller takes part in the active round; exited members keep this right.
     * @param amountWei positive, at most the caller's bond.
     */
    function withdraw(uint256 amountWei) external nonReentrant {
        if (amountWei == 0) revert CoCoGenSettlementZeroWithdrawal();
        Membership memory membership = _membership[msg.sender];
        if (!membership.registered) revert CoCoGenSettlementNotMember(msg.sender);
        uint256 round = activeRound;
        if (round != 0 && _rounds[round].activeMask & _bit(membership.index) != 0) {
            revert CoCoGenSettlementBondsLocked(msg.sender, round);
        }
        uint256 bond = _bonds[msg.sender];
        if (amountWei > bond) revert CoCoGenSettlementInsufficientBond(msg.sender, bond, amountWei);
        bond -= amountWei;
        _bonds[msg.sender] = bond;
        totalWithdrawn += amountWei;
        emit Withdrawn(msg.sender, amountWei, bond);
        (bool sent,) = msg.sender.call{value: amountWei}("");
        if (!sent) revert CoCoGenSettlementTransferFailed(msg.sender, amountWei);
    }

    /// @notice The caller leaves; it takes part in no later round and can still withdraw its bond.
    function exitMembership() external whenNoActiveRound {
        Membership storage membership = _membership[msg.sender];
        if (!membership.registered || membership.exited) revert CoCoGenSettlementNotMember(msg.sender);
        membership.exited = true;
        emit MemberExited(msg.sender, membership.index, _bonds[msg.sender]);
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
     * @notice `account`'s bond in wei.
     * @param account any address.
     * @return the bond (0 for non-members).
     */
    function bondOf(address account) external view returns (uint256) {
        return _bonds[account];
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
     * @notice Submission deadline of `round` (unix seconds; 0 for rounds never opened).
     * @param round any round number.
     * @return the deadline; submissions are accepted while block.timestamp <= deadline.
     */
    function roundDeadline(uint256 round) external view returns (uint64) {
        return _rounds[round].deadline;
    }

    /**
     * @notice Who takes part in `round`, who submitted, and whose profile the coordinator recorded.
     * @param round any round number.
     * @return activeMask bit i set: member i takes part.
     * @return submittedMask bit i set: member i submitted its profile.
     * @return recordedMask bit i set: the coordinator recorded member i's profile.
     */
    function roundMembers(uint256 round)
        external
        view
        returns (uint64 activeMask, uint64 submittedMask, uint64 recordedMask)
    {
        Round storage r = _rounds[round];
        return (r.activeMask, r.submittedMask, r.recordedMask);
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

    /// @dev Net transfers of `round` by member index; each unordered pair is computed once.
    function _netWei(uint256 round) private view returns (int256[] memory netWei) {
        uint256 n = _members.length;
        netWei = new int256[](n);
        Round storage r = _rounds[round];
        uint64 activeMask = r.activeMask;
        uint64 submittedMask = r.submittedMask;
        int256[] memory x = new int256[](n);
        for (uint256 i = 0; i < n; ++i) {
            if (submittedMask & _bit(i) != 0) x[i] = _submissions[round][i].contributionWad;
        }
        uint256 gamma = gammaWad;
        int256 weiPerUnitSigned = int256(weiPerUnit);
        // Unchecked: a net sums at most 63 pair transfers of |r| <= 2e54 (see _pairWei).
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
                    int256 rWei = _pairWei(gamma, (word >> ((key & 3) * RHO_BITS)) & RHO_MASK, xi - x[j], weiPerUnitSigned);
                    netI += rWei;
                    netWei[j] -= rWei;
                }
                netWei[i] = netI;
            }
        }
    }

    /**
     * @dev r_ij in wei, exactly as CONTRACT.md specifies (each division truncates toward zero):
     * rate = gamma * rho / 1e18; rWad = rate * (x_i - x_j) / 1e18; rWei = rWad * weiPerUnit / 1e18.
     * Unchecked is safe: |x| <= 1e30, gamma <= 1e30, rho <= 1e18 and weiPerUnit <= 1e30 bound rate by
     * 1e30, |x_i - x_j| by 2e30, |rWad| by 2e42 and |rWei| by 2e54, far below 2^255.
     */
    function _pairWei(uint256 gamma, uint256 rho, int256 gap, int256 weiPerUnitSigned) private pure returns (int256) {
        unchecked {
            int256 rate = int256(gamma * rho / WAD);
            return rate * gap / SIGNED_WAD * weiPerUnitSigned / SIGNED_WAD;
        }
    }

    /// @dev rho_hat_ij for i < j from the packed upper triangle.
    function _rho(uint256 i, uint256 j) private view returns (uint256) {
        uint256 key = i * MAX_MEMBERS + j;
        return (_rhoWords[key >> 2] >> ((key & 3) * RHO_BITS)) & RHO_MASK;
    }

    /// @dev Checks shared by both profile entry points; returns the round and the member's index.
    function _requireSubmittable(uint256 round, address member, Profile calldata p)
        private
        view
        returns (Round storage r, uint256 index)
    {
        r = _rounds[round];
        if (r.status != RoundStatus.Open) revert CoCoGenSettlementRoundNotOpen(round, r.status);
        if (block.timestamp > r.deadline) revert CoCoGenSettlementDeadlinePassed(round, r.deadline);
        Membership memory membership = _membership[member];
        index = membership.index;
        if (!membership.registered || r.activeMask & _bit(index) == 0) {
            revert CoCoGenSettlementNotInRound(round, member);
        }
        if (p.weightsHash == bytes32(0)) revert CoCoGenSettlementZeroWeightsHash(member);
        if (p.contributionWad > MAX_ABS_CONTRIBUTION_WAD || p.contributionWad < -MAX_ABS_CONTRIBUTION_WAD) {
            revert CoCoGenSettlementContributionOutOfRange(member, p.contributionWad, MAX_ABS_CONTRIBUTION_WAD);
        }
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

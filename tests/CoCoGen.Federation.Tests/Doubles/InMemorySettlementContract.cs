using System.Numerics;
using System.Security.Cryptography;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>
/// The settlement contract v2's rules (docs/contract.md) held in memory, for protocol tests that must run without a
/// chain: rounds opened with a seed hash, committed with x and an evidence root, votes with stakes, the strict-majority
/// rejection that slashes the coordinator, settlement once decided or after the window, abandonment after the commit
/// deadline, its own capped pair rule (written apart from the coordinator's preview, so the two can disagree), and a
/// count of every settlement so a test can see a round settled twice.
/// </summary>
internal sealed class InMemorySettlementContract : ISettlementLedger, ISettlementDeployer, IWeightsHasher
{
    private static readonly ChainAddress CoordinatorAccount = ChainAddress.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    private readonly Lock _gate = new();
    private readonly Dictionary<long, RoundState> _rounds = [];
    private readonly Dictionary<ChainAddress, BigInteger> _bonds = [];
    private SettlementTerms? _terms;
    private long _block;
    private long _lastRound;

    public long ChainId => 31337;

    public ChainAddress ContractAddress { get; } = ChainAddress.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3");

    public SettlementLimits Limits => Terms.Limits;

    public long Now { get; set; } = 1_700_000_000;

    public Dictionary<long, int> TransfersPerRound { get; } = [];

    /// <summary>Throws once from <see cref="SettleRoundAsync"/> of this round, after the settlement is applied (a crash after mining).</summary>
    public long? CrashAfterSettleOfRound { get; set; }

    /// <summary>Throws once from <see cref="CommitContributionsAsync"/> of this round, after the commitment is stored (a crash after mining).</summary>
    public long? CrashAfterCommitOfRound { get; set; }

    public IReadOnlyDictionary<ChainAddress, BigInteger> Bonds => _bonds;

    public BigInteger CoordinatorBond => _bonds.GetValueOrDefault(CoordinatorAccount);

    /// <summary>Wei added to one member's net by the rule (by member index): a contract that disagrees with the preview.</summary>
    public (int Member, BigInteger Wei)? PayoffSkew { get; set; }

    public Task<ISettlementLedger> DeployAsync(SettlementTerms terms, CancellationToken cancellationToken)
    {
        _terms = terms;
        Deposit(CoordinatorAccount, terms.Limits.CoordinatorBondWei);
        return Task.FromResult<ISettlementLedger>(this);
    }

    public Task<ISettlementLedger> AttachAsync(ChainAddress contractAddress, CancellationToken cancellationToken) =>
        Task.FromResult<ISettlementLedger>(this);

    public Task<ChainReceipt?> TopUpCoordinatorBondAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var missing = Limits.CoordinatorBondWei - CoordinatorBond;
            if (missing <= 0)
            {
                return Task.FromResult<ChainReceipt?>(null);
            }

            _bonds[CoordinatorAccount] = Limits.CoordinatorBondWei;
            return Task.FromResult<ChainReceipt?>(new ChainReceipt(TxHash(), ++_block));
        }
    }

    public Task<ChainReceipt> OpenRoundAsync(int round, Hash32 seedHash, SettlementMode mode, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Require(round == _lastRound + 1, $"openRound({round}) after {_lastRound}");
            Require(_rounds.Values.All(r => r.Status is not (SettlementRoundStatus.Open or SettlementRoundStatus.Committed)), "openRound while a round is active");
            Require(CoordinatorBond >= Limits.CoordinatorBondWei, "coordinator bond too low");
            var active = Terms.Members.Select(m => _bonds.GetValueOrDefault(m) >= Limits.MinBondWei).ToArray();
            Require(active.Any(a => a), "no active members");
            _lastRound = round;
            _rounds[round] = new RoundState
            {
                Mode = mode,
                SeedHash = seedHash,
                CommitDeadline = Now + (long)Terms.Timeouts.CommitSeconds,
                Active = active,
                Accepted = new bool[active.Length],
                Rejected = new bool[active.Length],
            };
            return Mined();
        }
    }

    public async Task<ChainReceipt> CommitContributionsAsync(int round, IReadOnlyList<BigInteger> contributionWad, Hash32 evidenceRoot, CancellationToken cancellationToken)
    {
        var receipt = await Commit(round, SettlementMode.PairRule, contributionWad, evidenceRoot);
        if (CrashAfterCommitOfRound == round)
        {
            CrashAfterCommitOfRound = null;
            throw new IOException("connection reset after the commitment was mined");
        }

        return receipt;
    }

    public Task<ChainReceipt> CommitNetAsync(int round, IReadOnlyList<BigInteger> netWei, Hash32 evidenceRoot, CancellationToken cancellationToken)
    {
        Require(netWei.Aggregate(BigInteger.Zero, (s, v) => s + v).IsZero, "net vector does not sum to 0");
        Require(netWei.All(v => -v <= Limits.DebitCapWei), "debit above the cap");
        return Commit(round, SettlementMode.NetVector, netWei, evidenceRoot);
    }

    /// <summary>acceptCommitment or rejectCommitment from member <paramref name="member"/>.</summary>
    public Task<ChainReceipt> VoteAsync(int round, ChainAddress member, bool accept)
    {
        lock (_gate)
        {
            var state = Round(round);
            Require(state.Status == SettlementRoundStatus.Committed, $"vote on round {round} in state {state.Status}");
            Require(Now <= state.ChallengeDeadline, "challenge window closed");
            var i = IndexOf(member);
            Require(state.Active[i], $"{member} is not in round {round}");
            Require(!state.Accepted[i] && !state.Rejected[i], $"{member} voted twice on round {round}");
            if (accept)
            {
                state.Accepted[i] = true;
                return Mined();
            }

            state.Rejected[i] = true;
            _bonds[member] -= Limits.ChallengeStakeWei;
            var n = state.Active.Count(a => a);
            if (state.Rejected.Count(r => r) >= (n / 2) + 1)
            {
                state.Status = SettlementRoundStatus.Rejected;
                for (var k = 0; k < state.Rejected.Length; k++)
                {
                    if (state.Rejected[k])
                    {
                        _bonds[Terms.Members[k]] += Limits.ChallengeStakeWei;
                    }
                }

                Slash(state);
            }

            return Mined();
        }
    }

    public async Task<ChainReceipt> SettleRoundAsync(int round, CancellationToken cancellationToken)
    {
        ChainReceipt receipt;
        lock (_gate)
        {
            var state = Round(round);
            Require(state.Status == SettlementRoundStatus.Committed, $"settleRound on round {round} in state {state.Status}");
            var n = state.Active.Count(a => a);
            var decided = (n - state.Accepted.Count(a => a)) * 2 <= n;
            Require(decided || Now > state.ChallengeDeadline, "challenge window open");
            var net = NetByRule(state);
            var rejections = state.Rejected.Count(r => r);
            var forfeited = rejections * Limits.ChallengeStakeWei;
            var recipients = n - rejections;
            var share = recipients == 0 ? BigInteger.Zero : forfeited / recipients;
            var bonus = forfeited - (share * recipients) + share;
            for (var i = 0; i < Terms.Members.Count; i++)
            {
                if (!state.Active[i])
                {
                    continue;
                }

                var moved = net[i];
                if (!state.Rejected[i])
                {
                    moved += bonus;
                    bonus = share;
                }

                state.Transferred[i] = moved;
                _bonds[Terms.Members[i]] = _bonds.GetValueOrDefault(Terms.Members[i]) + moved;
            }

            state.Status = SettlementRoundStatus.Settled;
            TransfersPerRound[round] = TransfersPerRound.GetValueOrDefault(round) + 1;
            receipt = new ChainReceipt(TxHash(), ++_block);
        }

        if (CrashAfterSettleOfRound == round)
        {
            CrashAfterSettleOfRound = null;
            await Task.Yield();
            throw new IOException("connection reset after the settlement was mined");
        }

        return receipt;
    }

    public Task<ChainReceipt> AbandonRoundAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = Round(round);
            Require(state.Status == SettlementRoundStatus.Open, $"abandonRound on round {round} in state {state.Status}");
            Require(Now > state.CommitDeadline, "commit deadline not passed");
            state.Status = SettlementRoundStatus.Abandoned;
            Slash(state);
            return Mined();
        }
    }

    public Task<SettlementRoundState> GetRoundAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var n = Terms.Members.Count;
            if (!_rounds.TryGetValue(round, out var s))
            {
                return Task.FromResult(new SettlementRoundState(round, SettlementRoundStatus.None, SettlementMode.PairRule, default, default, 0, 0, new bool[n], new bool[n], new bool[n]));
            }

            return Task.FromResult(new SettlementRoundState(
                round, s.Status, s.Mode, s.SeedHash, s.EvidenceRoot, s.CommitDeadline, s.ChallengeDeadline, s.Active.ToArray(), s.Accepted.ToArray(), s.Rejected.ToArray()));
        }
    }

    public Task<RoundCommitment> GetCommitmentAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var s = Round(round);
            IReadOnlyList<BigInteger> nets = s.Status == SettlementRoundStatus.Committed ? NetByRule(s) : [];
            return Task.FromResult(new RoundCommitment(round, s.Mode, s.SeedHash, s.EvidenceRoot, s.Values.ToArray(), nets));
        }
    }

    public Task<IReadOnlyList<BigInteger>> GetTransfersAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<BigInteger>>(Round(round).Transferred.ToArray());
        }
    }

    public Task WaitForDeadlineAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // The development-chain behaviour: the clock is moved past the round's current deadline.
            var s = Round(round);
            Now = Math.Max(Now, (s.Status == SettlementRoundStatus.Open ? s.CommitDeadline : s.ChallengeDeadline) + 1);
            return Task.CompletedTask;
        }
    }

    public Task<long> GetChainTimeAsync(CancellationToken cancellationToken) => Task.FromResult(Now);

    public Task<BigInteger> GetBondAsync(ChainAddress account, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_bonds.GetValueOrDefault(account));
        }
    }

    public void Deposit(ChainAddress member, BigInteger wei)
    {
        lock (_gate)
        {
            _bonds[member] = _bonds.GetValueOrDefault(member) + wei;
        }
    }

    public string Hash(ModelWeights weights) => HashBytes(weights.ToBytes());

    public string HashBytes(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    private Task<ChainReceipt> Commit(int round, SettlementMode mode, IReadOnlyList<BigInteger> values, Hash32 evidenceRoot)
    {
        lock (_gate)
        {
            var state = Round(round);
            Require(state.Status == SettlementRoundStatus.Open, $"commit on round {round} in state {state.Status}");
            Require(state.Mode == mode, $"commit in {mode} on a {state.Mode} round");
            Require(Now <= state.CommitDeadline, "commit deadline passed");
            Require(values.Count == Terms.Members.Count, "values length");
            Require(values.Select((v, i) => v.IsZero || state.Active[i]).All(ok => ok), "value outside the round");
            state.Values = values.ToArray();
            state.EvidenceRoot = evidenceRoot;
            state.ChallengeDeadline = Now + (long)Terms.Timeouts.ChallengeWindowSeconds;
            state.Status = SettlementRoundStatus.Committed;
            return Mined();
        }
    }

    private void Slash(RoundState state)
    {
        var n = state.Active.Count(a => a);
        var share = Limits.CoordinatorBondWei / n;
        _bonds[CoordinatorAccount] -= share * n;
        for (var i = 0; i < state.Active.Length; i++)
        {
            if (state.Active[i])
            {
                _bonds[Terms.Members[i]] += share;
            }
        }
    }

    // The contract's rule: the committed vector (net vector), or pair by pair in index order over the round's members,
    // truncating toward zero at each step as Solidity does and clamping each pair to ±floor(cap / (n − 1)).
    private BigInteger[] NetByRule(RoundState state)
    {
        if (state.Mode == SettlementMode.NetVector)
        {
            return state.Values.ToArray();
        }

        var one = BigInteger.Pow(10, 18);
        var n = Terms.Members.Count;
        var members = state.Active.Count(a => a);
        var net = new BigInteger[n];
        if (members < 2)
        {
            return net;
        }

        var pairCap = Limits.DebitCapWei / (members - 1);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (!state.Active[i] || !state.Active[j])
                {
                    continue;
                }

                var rate = Terms.GammaWad * Terms.RhoWad[(i * n) + j] / one;
                var rWad = rate * (state.Values[i] - state.Values[j]) / one;
                var rWei = rWad * Terms.WeiPerUnit / one;
                rWei = rWei > pairCap ? pairCap : rWei < -pairCap ? -pairCap : rWei;
                net[i] += rWei;
                net[j] -= rWei;
            }
        }

        if (PayoffSkew is { } skew)
        {
            net[skew.Member] += skew.Wei;
        }

        return net;
    }

    private int IndexOf(ChainAddress member)
    {
        for (var i = 0; i < Terms.Members.Count; i++)
        {
            if (Terms.Members[i] == member)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"revert: {member} is not a member");
    }

    private SettlementTerms Terms => _terms ?? throw new InvalidOperationException("not deployed");

    private RoundState Round(long round) =>
        _rounds.TryGetValue(round, out var s) ? s : throw new InvalidOperationException($"round {round} was never opened");

    private Task<ChainReceipt> Mined() => Task.FromResult(new ChainReceipt(TxHash(), ++_block));

    private Hash32 TxHash() => Hash32.Parse("0x" + (_block + 1).ToString("x64", System.Globalization.CultureInfo.InvariantCulture));

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("revert: " + message);
        }
    }

    private sealed class RoundState
    {
        public SettlementRoundStatus Status { get; set; } = SettlementRoundStatus.Open;

        public SettlementMode Mode { get; init; }

        public Hash32 SeedHash { get; init; }

        public Hash32 EvidenceRoot { get; set; }

        public long CommitDeadline { get; init; }

        public long ChallengeDeadline { get; set; }

        public required bool[] Active { get; init; }

        public required bool[] Accepted { get; init; }

        public required bool[] Rejected { get; init; }

        public BigInteger[] Values { get; set; } = [];

        public BigInteger[] Transferred => _transferred ??= new BigInteger[Active.Length];

        private BigInteger[]? _transferred;
    }
}

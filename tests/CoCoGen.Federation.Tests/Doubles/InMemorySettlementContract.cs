using System.Numerics;
using System.Security.Cryptography;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>
/// The settlement contract's rules (docs/contract.md) held in memory, for protocol tests that must run
/// without a chain: round states, deadlines, submissions, disputes, its own pairwise transfer arithmetic
/// (written apart from the coordinator's preview, so the two can disagree), and a count of every transfer so a
/// test can see a round settled twice.
/// </summary>
internal sealed class InMemorySettlementContract : ISettlementLedger, ISettlementDeployer, IWeightsHasher
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, RoundState> _rounds = [];
    private readonly Dictionary<ChainAddress, BigInteger> _bonds = [];
    private SettlementTerms? _terms;
    private long _block;
    private long _lastRound;

    public long ChainId => 31337;

    public ChainAddress ContractAddress { get; } = ChainAddress.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3");

    public long Now { get; set; } = 1_700_000_000;

    public Dictionary<long, int> TransfersPerRound { get; } = [];

    /// <summary>Throws once from <see cref="TransferPayoffAsync"/> of this round, after the transfer is applied (a crash after mining).</summary>
    public long? CrashAfterTransferOfRound { get; set; }

    public IReadOnlyDictionary<ChainAddress, BigInteger> Bonds => _bonds;

    /// <summary>Wei added to one member's payoff (by member index): a contract that disagrees with the preview.</summary>
    public (int Member, BigInteger Wei)? PayoffSkew { get; set; }

    public Task<ISettlementLedger> DeployAsync(SettlementTerms terms, CancellationToken cancellationToken)
    {
        _terms = terms;
        return Task.FromResult<ISettlementLedger>(this);
    }

    public Task<ISettlementLedger> AttachAsync(ChainAddress contractAddress, CancellationToken cancellationToken) =>
        Task.FromResult<ISettlementLedger>(this);

    public Task<ChainReceipt> OpenRoundAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Require(round == _lastRound + 1, $"openRound({round}) after {_lastRound}");
            _lastRound = round;
            _rounds[round] = new RoundState { Deadline = Now + (long)Terms.SubmissionWindowSeconds };
            return Mined();
        }
    }

    public Task<ChainReceipt> RecordProfileAsync(int round, ChainAddress member, ContributionProfile profile, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = Round(round);
            Require(state.Status == SettlementRoundStatus.Open, "profileRecord on a round that is not open");
            state.Recorded[member] = profile;
            return Mined();
        }
    }

    public Task<ChainReceipt> SubmitAsync(int round, ChainAddress member, ContributionProfile profile)
    {
        lock (_gate)
        {
            var state = Round(round);
            Require(state.Status == SettlementRoundStatus.Open, "contributionSubmit on a round that is not open");
            Require(!state.Submitted.ContainsKey(member), $"{member} submitted round {round} twice");
            state.Submitted[member] = profile;
            return Mined();
        }
    }

    public Task<ChainReceipt> CloseRoundAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = Round(round);
            Require(state.Status == SettlementRoundStatus.Open, "closeRound on a round that is not open");
            var all = Terms.Members.All(state.Submitted.ContainsKey);
            Require(all || Now > state.Deadline, "closeRound before the deadline with members missing");
            var disputed = state.Submitted.Any(s => !state.Recorded.TryGetValue(s.Key, out var r) || r != s.Value);
            state.Status = disputed ? SettlementRoundStatus.Disputed : SettlementRoundStatus.Closed;
            return Mined();
        }
    }

    public Task<IReadOnlyList<BigInteger>> CalculatePayoffAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = Round(round);
            var x = Terms.Members.Select(m => state.Submitted.TryGetValue(m, out var p) ? p.ContributionWad : BigInteger.Zero).ToArray();
            var net = PairwiseNetWei(Terms, x);
            if (PayoffSkew is { } skew)
            {
                net[skew.Member] += skew.Wei;
            }

            return Task.FromResult<IReadOnlyList<BigInteger>>(net);
        }
    }

    public async Task<ChainReceipt> TransferPayoffAsync(int round, CancellationToken cancellationToken)
    {
        var net = await CalculatePayoffAsync(round, cancellationToken);
        ChainReceipt receipt;
        lock (_gate)
        {
            var state = Round(round);
            Require(state.Status == SettlementRoundStatus.Closed, $"payoffTransfer on round {round} in state {state.Status}");
            for (var i = 0; i < Terms.Members.Count; i++)
            {
                _bonds[Terms.Members[i]] = _bonds.GetValueOrDefault(Terms.Members[i]) + net[i];
            }

            state.Status = SettlementRoundStatus.Settled;
            TransfersPerRound[round] = TransfersPerRound.GetValueOrDefault(round) + 1;
            receipt = new ChainReceipt(TxHash(), ++_block);
        }

        if (CrashAfterTransferOfRound == round)
        {
            CrashAfterTransferOfRound = null;
            throw new IOException("connection reset after the transfer was mined");
        }

        return receipt;
    }

    public Task<SettlementRoundStatus> GetRoundStatusAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rounds.TryGetValue(round, out var s) ? s.Status : SettlementRoundStatus.None);
        }
    }

    public Task WaitForDeadlineAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // The development-chain behaviour: the clock is moved past the deadline.
            Now = Math.Max(Now, Round(round).Deadline + 1);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyCollection<ChainAddress>> GetSubmittersAsync(int round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyCollection<ChainAddress>>(
                _rounds.TryGetValue(round, out var s) ? s.Submitted.Keys.ToArray() : []);
        }
    }

    public Task<BigInteger> GetBondAsync(ChainAddress member, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_bonds.GetValueOrDefault(member));
        }
    }

    public void Deposit(ChainAddress member, BigInteger wei)
    {
        lock (_gate)
        {
            _bonds[member] = _bonds.GetValueOrDefault(member) + wei;
        }
    }

    // The contract's rule, pair by pair in index order, truncating toward zero at each step as Solidity does.
    private static BigInteger[] PairwiseNetWei(SettlementTerms terms, BigInteger[] contributionWad)
    {
        var one = BigInteger.Pow(10, 18);
        var n = terms.Members.Count;
        var net = new BigInteger[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var rate = terms.GammaWad * terms.RhoWad[(i * n) + j] / one;
                var rWad = rate * (contributionWad[i] - contributionWad[j]) / one;
                var rWei = rWad * terms.WeiPerUnit / one;
                net[i] += rWei;
                net[j] -= rWei;
            }
        }

        return net;
    }

    public string Hash(CoCoGen.Federation.Ports.ModelWeights weights) => HashBytes(weights.ToBytes());

    public string HashBytes(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(SHA256.HashData(bytes));

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

        public long Deadline { get; init; }

        public Dictionary<ChainAddress, ContributionProfile> Recorded { get; } = [];

        public Dictionary<ChainAddress, ContributionProfile> Submitted { get; } = [];
    }
}

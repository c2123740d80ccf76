using System.Globalization;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Chain.Hosting;
using CoCoGen.Chain.Keys;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;
using Nethereum.Util;

namespace CoCoGen.Benchmarks.Chain;

/// <summary>
/// One settled round per invocation against a local Hardhat node started in setup: open, the coordinator's records,
/// every member's submission (in parallel), close, payoffTransfer. Time per operation gives settled rounds per
/// minute (60 s / mean); the gas of each step is printed after the run and written to
/// BenchmarkDotNet.Artifacts/chain-gas-{members}.txt.
/// Run: dotnet run -c Release --project bench/CoCoGen.Benchmarks -- --filter '*SettlementBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class SettlementBenchmarks
{
    private const long ChainId = 31337;
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    private readonly List<long> _submissionGas = [];
    private readonly List<long> _recordGas = [];
    private readonly List<long> _closeGas = [];
    private readonly List<long> _settlementGas = [];
    private HardhatNode _node = null!;
    private ChainEndpoint _endpoint = null!;
    private CoCoGenSettlementService _coordinator = null!;
    private CoCoGenSettlementService[] _members = [];
    private int _round;

    /// <summary>Members in the settlement.</summary>
    [Params(3, 10, 50)]
    public int Members { get; set; }

    /// <summary>Starts the node, deploys, funds and registers the members, sets ρ̂ and γ, and bonds every member.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Settles one round.</summary>
    [Benchmark]
    public void SettleOneRound() => SettleOneRoundAsync().GetAwaiter().GetResult();

    /// <summary>Reports gas and stops the node.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        var report = string.Create(CultureInfo.InvariantCulture,
            $"members={Members} rounds={_settlementGas.Count} gas: submission(contributionSubmit) mean={Mean(_submissionGas)} " +
            $"profileRecord mean={Mean(_recordGas)} closeRound mean={Mean(_closeGas)} settlement(payoffTransfer) mean={Mean(_settlementGas)} " +
            $"min={_settlementGas.DefaultIfEmpty().Min()} max={_settlementGas.DefaultIfEmpty().Max()}");
        Console.WriteLine("// chain-gas " + report);
        var directory = Path.Combine(RepositoryRoot.Find(), "BenchmarkDotNet.Artifacts");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"chain-gas-{Members}.txt"), report + Environment.NewLine);
        _endpoint.Dispose();
        _node.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task SetupAsync()
    {
        _node = await HardhatNode.StartAsync(new HardhatNodeOptions(), null, CancellationToken.None);
        _endpoint = await ChainEndpoint.ConnectAsync(_node.Endpoint, ChainId, null, null, CancellationToken.None);
        var wallet = new DevelopmentWallet(DevelopmentWallet.HardhatMnemonic);
        var options = new TransactionSenderOptions { ReceiptPollInitialDelay = TimeSpan.FromMilliseconds(2), ReceiptPollMaxDelay = TimeSpan.FromMilliseconds(50) };
        var deployer = _endpoint.Sender(wallet.Key(0), options);
        (_coordinator, _) = await CoCoGenSettlementService.DeployAsync(deployer, BigInteger.Pow(10, 15), 3600);

        // Accounts beyond Hardhat's 20 funded ones get 1 ETH from the coordinator.
        _members = new CoCoGenSettlementService[Members];
        for (var index = 0; index < Members; index++)
        {
            var sender = _endpoint.Sender(wallet.Key(100 + index), options);
            await deployer.SendAndWaitAsync(new TransactionRequest(sender.Address, [], Ether), CancellationToken.None);
            _members[index] = _coordinator.As(sender);
            await _coordinator.RegisterMemberAsync(sender.Address);
        }

        var random = new Random(42);
        var rho = new BigInteger[Members * Members];
        for (var i = 0; i < Members; i++)
        {
            for (var j = i + 1; j < Members; j++)
            {
                rho[(i * Members) + j] = rho[(j * Members) + i] = new BigInteger(random.NextDouble() * 1e18) / (Members - 1);
            }
        }

        await _coordinator.SetCompetitionAsync(rho);
        await _coordinator.SetGammaAsync(Wad / 100, Wad);
        await Task.WhenAll(_members.Select(member => member.DepositSubmitAsync(Ether / 2)));
    }

    private async Task SettleOneRoundAsync()
    {
        var round = ++_round;
        var random = new Random(round);
        var profiles = _members.Select((_, index) => new Profile
        {
            LocalSamples = 600,
            SyntheticSamples = 100,
            LossWad = Wad / 2,
            ContributionWad = new BigInteger((random.NextDouble() * 2 - 1) * 1e18),
            WeightsHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"round {round} member {index}")),
        }).ToArray();
        await _coordinator.OpenRoundAsync(round);
        var records = await Task.WhenAll(_members.Select((member, index) => _coordinator.ProfileRecordAsync(round, member.Account, profiles[index])));
        var submissions = await Task.WhenAll(_members.Select((member, index) => member.ContributionSubmitAsync(round, profiles[index])));
        var close = await _coordinator.CloseRoundAsync(round);
        var settlement = await _coordinator.PayoffTransferAsync(round);
        _recordGas.AddRange(records.Select(receipt => receipt.GasUsed));
        _submissionGas.AddRange(submissions.Select(receipt => receipt.GasUsed));
        _closeGas.Add(close.GasUsed);
        _settlementGas.Add(settlement.GasUsed);
    }

    private static long Mean(List<long> values) => values.Count == 0 ? 0 : (long)values.Average(value => (double)value);
}

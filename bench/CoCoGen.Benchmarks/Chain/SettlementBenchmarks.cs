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
/// One settled round of contract v2 per invocation against a local Hardhat node started in setup: openRound (seed hash,
/// pair rule), commitContributions (x and the evidence root), every member's acceptCommitment (in parallel), settleRound
/// at once (the accept-early path). Time per operation gives settled rounds per minute (60 s / mean); the gas of each
/// step is printed after the run and written to BenchmarkDotNet.Artifacts/chain-gas-{members}.txt.
/// Run: dotnet run -c Release --project bench/CoCoGen.Benchmarks -- --filter '*SettlementBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class SettlementBenchmarks
{
    private const long ChainId = 31337;
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    private readonly List<long> _openGas = [];
    private readonly List<long> _commitGas = [];
    private readonly List<long> _acceptGas = [];
    private readonly List<long> _settlementGas = [];
    private HardhatNode _node = null!;
    private ChainEndpoint _endpoint = null!;
    private CoCoGenSettlementService _coordinator = null!;
    private CoCoGenSettlementService[] _members = [];
    private int _round;

    /// <summary>Members in the settlement.</summary>
    [Params(3, 10, 50)]
    public int Members { get; set; }

    /// <summary>Starts the node, deploys, funds and registers the members, sets ρ̂, γ and the limits, and bonds the coordinator and every member.</summary>
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
            $"members={Members} rounds={_settlementGas.Count} gas: openRound mean={Mean(_openGas)} commitContributions mean={Mean(_commitGas)} " +
            $"acceptCommitment mean={Mean(_acceptGas)} settlement(settleRound) mean={Mean(_settlementGas)} " +
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
        (_coordinator, _) = await CoCoGenSettlementService.DeployAsync(deployer, BigInteger.Pow(10, 15), new SettlementTimeouts(3600, 30, 86_400));

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
        await _coordinator.SetLimitsAsync(new SettlementLimits(Ether / 4, Ether / 10, Ether / 100, Ether));
        await _coordinator.DepositSubmitAsync(Ether);
        await Task.WhenAll(_members.Select(member => member.DepositSubmitAsync(Ether / 2)));
        await _endpoint.AdvanceDevelopmentClockAsync(31, CancellationToken.None);
    }

    private async Task SettleOneRoundAsync()
    {
        var round = ++_round;
        var random = new Random(round);
        var x = _members.Select(_ => new BigInteger((random.NextDouble() * 2 - 1) * 1e18)).ToArray();
        var open = await _coordinator.OpenRoundAsync(round, Hash($"seed {round}"), SettlementMode.PairRule);
        var commit = await _coordinator.CommitContributionsAsync(round, x, Hash($"evidence {round}"));
        var accepts = await Task.WhenAll(_members.Select(member => member.AcceptCommitmentAsync(round)));
        var settlement = await _coordinator.SettleRoundAsync(round);
        _openGas.Add(open.GasUsed);
        _commitGas.Add(commit.GasUsed);
        _acceptGas.AddRange(accepts.Select(receipt => receipt.GasUsed));
        _settlementGas.Add(settlement.GasUsed);
    }

    private static byte[] Hash(string text) => Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(text));

    private static long Mean(List<long> values) => values.Count == 0 ? 0 : (long)values.Average(value => (double)value);
}

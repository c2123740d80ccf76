using System.Globalization;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using CoCoGen.Chain.Contracts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Chain.Hashing;
using CoCoGen.Chain.Hosting;
using CoCoGen.Chain.Nonces;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;
using CoCoGen.Chain.Signing;
using CoCoGen.Chain.Wallet;

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
    private const ulong ChainId = 31337;
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private readonly List<ulong> _submissionGas = [];
    private readonly List<ulong> _recordGas = [];
    private readonly List<ulong> _closeGas = [];
    private readonly List<ulong> _settlementGas = [];
    private HardhatNode _node = null!;
    private CoCoGenSettlementContract _coordinator = null!;
    private CoCoGenSettlementContract[] _members = [];
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
        _node.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task SetupAsync()
    {
        _node = await HardhatNode.StartAsync(new HardhatNodeOptions(), null, CancellationToken.None);
        var rpc = new JsonRpcClient(Http, new JsonRpcOptions { Endpoint = _node.Endpoint, ChainId = ChainId });
        var nonces = new NonceAllocator(rpc);
        var wallet = new HdWallet(HdWallet.HardhatMnemonic);
        var options = new TransactionSenderOptions { ChainId = ChainId, ReceiptPollInitialDelay = TimeSpan.FromMilliseconds(2), ReceiptPollMaxDelay = TimeSpan.FromMilliseconds(50) };
        var deployer = await TransactionSender.CreateAsync(rpc, new PrivateKeySigner(wallet.Account(0)), nonces, options, null, CancellationToken.None);
        (_coordinator, _) = await CoCoGenSettlementContract.DeployAsync(deployer, BigInteger.Pow(10, 15), 3600);

        // Accounts beyond Hardhat's 20 funded ones get 1 ETH from the coordinator.
        _members = new CoCoGenSettlementContract[Members];
        for (var index = 0; index < Members; index++)
        {
            var key = wallet.Account((uint)(100 + index));
            await deployer.SendAndWaitAsync(new TransactionRequest(key.Address, [], Ether), CancellationToken.None);
            var sender = await TransactionSender.CreateAsync(rpc, new PrivateKeySigner(key), nonces, options, null, CancellationToken.None);
            _members[index] = _coordinator.As(new ContractCaller(sender));
            await _coordinator.RegisterMemberAsync(key.Address);
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
        var profiles = _members.Select((_, index) => new Profile(600, 100, Wad / 2, new BigInteger((random.NextDouble() * 2 - 1) * 1e18),
            Keccak256.HashUtf8($"round {round} member {index}"))).ToArray();
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

    private static ulong Mean(List<ulong> values) => values.Count == 0 ? 0 : (ulong)values.Average(value => (double)value);
}

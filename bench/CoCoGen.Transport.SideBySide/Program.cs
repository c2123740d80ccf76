using System.Diagnostics;
using System.Globalization;
using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Adapters.Transport.Wire;
using CoCoGen.Federation.Ports;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Signer;

// Weights down (DownloadWeights) and up (UploadUpdate) for one organization over the gRPC transport on loopback,
// signing, hashing and checking included, for LeNet-5 (Fashion-MNIST) and MobileNetV3-Small (CIFAR-10).
//   dotnet run -c Release --project bench/CoCoGen.Transport.SideBySide -- [repeats]
// Prints one line per model: parameters, bytes, median and best milliseconds down and up; then, in the same run and
// interleaved, what authentication costs apart from the transfer: the body's keccak-256 over the model's bytes, one
// statement signed and one signer recovered, each with this build's signer and with Nethereum's EIP-191 signer (the
// reference, and what the transport used before).
var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var models = new (string Name, Func<int> Parameters)[]
{
    ("LeNet-5", () => new LeNet5(1, 28, 10, new RandomSource(1)).StateTensors().Sum(t => t.Tensor.Length)),
    ("MobileNetV3-Small", () => new MobileNetV3Small(3, 32, 10, new RandomSource(1)).StateTensors().Sum(t => t.Tensor.Length)),
};

var coordinatorKey = new EthECKey(new string('c', 64));
var organizationKey = new EthECKey(new string('1', 64));
var consortium = new ConsortiumOptions
{
    CoordinatorAddress = coordinatorKey.GetPublicAddress(),
    Roster = [new RosterMember { Organization = "org1", Address = organizationKey.GetPublicAddress(), LocalSamples = 6000 }],
};
var hub = new CoordinatorHub(
    consortium, new AgreedSettings("{}"), new PartySigner("coordinator", coordinatorKey), new NoTransactions(), new RunDirectoryEvidence(Path.GetTempPath()),
    TimeProvider.System, NullLoggerFactory.Instance);
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(e => e.Protocols = HttpProtocols.Http2));
builder.Logging.ClearProviders();
builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 4 << 20);
builder.Services.AddSingleton(hub);
await using var app = builder.Build();
app.MapGrpcService<CoordinatorGrpcService>();
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
using var channel = GrpcChannel.ForAddress(address);
var organization = new CoordinatorConnection(
    new Coordinator.CoordinatorClient(channel), new PartySigner("org1", organizationKey), consortium.CoordinatorAddress, 64L << 20, TimeProvider.System);
await organization.JoinAsync((await organization.DescribeRunAsync(CancellationToken.None)).Challenge, new AgreedSettings("{}").Hash, CancellationToken.None);

Console.WriteLine("transport,model,parameters,bytes,down_median_ms,down_best_ms,up_median_ms,up_best_ms,repeats");
foreach (var (name, parameters) in models)
{
    var count = parameters();
    var global = new ModelWeights(Enumerable.Range(0, count).Select(i => (float)Math.Sin(i)).ToArray());
    var generator = new ModelWeights(new float[16]);
    var down = new List<double>();
    var up = new List<double>();
    for (var r = 0; r <= repeats; r++)
    {
        var train = hub.Channels[0].TrainAsync(new RoundAssignment(1, global, generator, 0), CancellationToken.None);
        var work = await organization.NextWorkAsync(1, TimeSpan.FromSeconds(5), CancellationToken.None) ?? throw new InvalidOperationException("no work");
        var clock = Stopwatch.StartNew();
        var weights = await organization.WeightsAsync(work, WeightsKind.Global, CancellationToken.None);
        var downMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await organization.UploadAsync(work, new LocalUpdate(weights, 6000, 0, 0, 0, 0), CancellationToken.None);
        await train;
        var upMs = clock.Elapsed.TotalMilliseconds;
        if (r > 0)
        {
            // The first pass warms the JIT and the connection.
            down.Add(downMs);
            up.Add(upMs);
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"grpc,{name},{count},{count * 4},{Median(down):F2},{down.Min():F2},{Median(up):F2},{up.Min():F2},{repeats}"));
}

await app.StopAsync();

// Attribution, interleaved so that load drifts hit every component alike.
Console.WriteLine("component,model,median_ms,best_ms,repeats");
var reference = new EthereumMessageSigner();
var ours = new PartySigner("org1", organizationKey);
var statement = new SignedStatement("UploadUpdate", "org1", 1, "work", new byte[32], 1_700_000_000_000, new byte[16]);
var text = statement.Text();
var signature = ours.Sign(statement);
var signatureHex = "0x" + Convert.ToHexStringLower(signature);
foreach (var (name, parameters) in models)
{
    var bytes = new byte[parameters() * 4];
    new Random(1).NextBytes(bytes);
    var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
    void Time(string component, Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        (timings.TryGetValue(component, out var list) ? list : timings[component] = []).Add(elapsed);
    }

    for (var r = 0; r <= repeats; r++)
    {
        Time("keccak256(body)", () => SignatureRecovery.Keccak(bytes));
        Time("sign (NBitcoin.Secp256k1, this build)", () => ours.Sign(statement));
        Time("sign (Nethereum EthereumMessageSigner)", () => reference.EncodeUTF8AndSign(text, organizationKey));
        Time("recover (NBitcoin.Secp256k1, this build)", () => SignatureRecovery.Signer(statement, signature));
        Time("recover (Nethereum EthereumMessageSigner)", () => reference.EncodeUTF8AndEcRecover(text, signatureHex));
    }

    foreach (var (component, values) in timings)
    {
        var timed = values.Skip(1).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{component},{name},{Median(timed):F3},{timed.Min():F3},{repeats}"));
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

/// <summary>No chain: the benchmark moves weights only.</summary>
internal sealed class NoTransactions : ITransactionCheck
{
    public Task<ChainReceipt> ConfirmAsync(string transactionHash, string sender, string contract, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the transport benchmark sends no transactions");
}

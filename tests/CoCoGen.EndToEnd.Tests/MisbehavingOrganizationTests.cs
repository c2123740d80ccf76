using System.Globalization;
using System.Numerics;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// Real training on real Fashion-MNIST, settled on the Hardhat node: two honest organizations and three that misbehave
/// (a free-rider returning the global model, a noisy update that does not train, a label-flipper). The measured x_i
/// ranks every misbehaving organization below every honest one in every round, and the free-rider is paid nothing net.
/// </summary>
[Collection(ChainGroup.Name)]
public sealed class MisbehavingOrganizationTests(ChainFixture chain) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-adversaries-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_free_rider_a_noisy_update_and_a_label_flipper_each_measure_below_the_honest_and_the_free_rider_is_not_paid()
    {
        var config = RunFiles.WriteConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 300);
        var run = Path.Combine(_work, "run");
        using (var process = new CocogenProcess(
            chain.RepositoryRoot,
            "run", "--config", config, "--rpc-url", chain.RpcUrl, "--out", run, "--organizations", "5", "--rounds", "4", "--alpha", "100",
            "--train-samples", "4000", "--set", "Protocol:GeneratorSteps=0", "--set", "Learning:AdversaryNoise=0.01",
            "--set", "Learning:Adversaries:org3=free-rider", "--set", "Learning:Adversaries:org4=noisy", "--set", "Learning:Adversaries:org5=label-flip"))
        {
            Assert.True(await process.ExitCodeAsync(TimeSpan.FromMinutes(8)) == 0, process.Output);
        }

        var rounds = RunFiles.Rounds(run);
        Assert.Equal(4, rounds.Count);
        foreach (var round in rounds)
        {
            var organizations = round.GetProperty("organizations").EnumerateArray().ToArray();
            Assert.All(organizations, o => Assert.Equal("accepted", o.GetProperty("outcome").GetString()));
            var x = organizations.Select(o => o.GetProperty("contribution").GetDouble()).ToArray();
            var honest = Math.Min(x[0], x[1]);
            Assert.True(x[2] < honest && x[3] < honest && x[4] < honest, $"round {round.GetProperty("round")}: x = {string.Join(", ", x)}");
            Assert.True(x[2] <= 1e-5, $"round {round.GetProperty("round")}: the free-rider measured x = {x[2]}");
        }

        var freeRiderNet = rounds.Aggregate(BigInteger.Zero, (sum, r) =>
            sum + BigInteger.Parse(r.GetProperty("organizations")[2].GetProperty("chainNetWei").GetString()!, CultureInfo.InvariantCulture));
        Assert.True(freeRiderNet <= 0, $"the free-rider was paid {freeRiderNet} wei net");
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}

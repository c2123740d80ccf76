using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// `cocogen run --mechanism mshap` on the Hardhat node: every round opens in NetVector mode and is paid by M^Shap's
/// net vector from the round's measured Shapley values, committed with commitNet and accepted by every organization's
/// own recomputation; the transfers are the paper's rule, computed here by hand from the recorded values.
/// </summary>
[Collection(ChainGroup.Name)]
public sealed class ShapleyRuleRunTests(ChainFixture chain) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-mshap-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Each_round_is_paid_n_phi_minus_the_gain_through_commitNet_and_recomputes()
    {
        var config = RunFiles.WriteConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 120);
        var run = Path.Combine(_work, "run");
        using (var process = new CocogenProcess(chain.RepositoryRoot,
            "run", "--config", config, "--rpc-url", chain.RpcUrl, "--organizations", "3", "--rounds", "2", "--mechanism", "mshap",
            "--out", run))
        {
            Assert.True(await process.ExitCodeAsync(TimeSpan.FromMinutes(6)) == 0, process.Output);
        }

        var weiPerUnit = 1e15;
        var rounds = RunFiles.Rounds(run);
        Assert.Equal(2, rounds.Count);
        foreach (var round in rounds)
        {
            var steps = round.GetProperty("settlement").GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("step").GetString()).ToArray();
            Assert.Contains("commitNet", steps);
            Assert.DoesNotContain("commitContributions", steps);

            // By hand, M^Shap's stage payment with a shared model: p_i = n·φ_i − Σ_j φ_j, in wei.
            var organizations = round.GetProperty("organizations").EnumerateArray().ToArray();
            var phi = organizations.Select(o => o.GetProperty("shapley").GetDouble()).ToArray();
            var gain = phi.Sum();
            var nets = organizations.Select(o => BigInteger.Parse(o.GetProperty("chainNetWei").GetString()!, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(BigInteger.Zero, nets.Aggregate(BigInteger.Zero, (a, b) => a + b));
            for (var i = 0; i < phi.Length; i++)
            {
                var expected = ((3 * phi[i]) - gain) * weiPerUnit;
                Assert.True(Math.Abs((double)nets[i] - expected) <= 2, $"round {round.GetProperty("round")}, org{i + 1}: {nets[i]} wei, by hand {expected:R}");
            }
        }

        using var audit = new CocogenProcess(chain.RepositoryRoot, "audit", "--run", run, "--rpc-url", chain.RpcUrl, "--recompute");
        Assert.True(await audit.ExitCodeAsync(TimeSpan.FromMinutes(4)) == 0, audit.Output);
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}

using System.Diagnostics;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// docker-compose.yml is checked with Debian's docker-compose (no Docker engine runs here): the file must
/// parse and resolve, name the chain, its faucet, the coordinator and one service per organization, and give every
/// party its own keystore and passphrase and no mnemonic.
/// </summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task ComposeFileResolvesWithChainCoordinatorAndOrganizations()
    {
        var (services, _) = await ComposeAsync("config", "--services");
        string[] names = services.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["chain", "coordinator", "faucet", "org1", "org2", "org3"], names.Order().ToArray());
    }

    [Fact]
    public async Task Every_party_service_gets_only_its_own_keystore_and_passphrase()
    {
        var (resolved, _) = await ComposeAsync("config");
        Assert.DoesNotContain("MNEMONIC", resolved, StringComparison.OrdinalIgnoreCase);
        string[] parties = ["coordinator", "org1", "org2", "org3"];
        foreach (var party in parties)
        {
            Assert.Contains($"/run/secrets/{party}-keystore", resolved, StringComparison.Ordinal);
            Assert.Contains($"/run/secrets/{party}-passphrase", resolved, StringComparison.Ordinal);
            Assert.Contains($"keys/{party}.keystore.json", resolved, StringComparison.Ordinal);
        }

        // Within each service's block, no other party's secret is named.
        var blocks = System.Text.RegularExpressions.Regex.Split(resolved, "\n  (?=\\S)");
        foreach (var party in parties)
        {
            var block = Assert.Single(blocks, b => b.StartsWith(party + ":", StringComparison.Ordinal));
            Assert.All(parties.Where(other => other != party), other => Assert.DoesNotContain($"{other}-keystore", block, StringComparison.Ordinal));
        }
    }

    private static async Task<(string Output, string Errors)> ComposeAsync(params string[] arguments)
    {
        string root = CoCoGen.Chain.Hosting.RepositoryRoot.Find();
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-f", "docker-compose.yml" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"docker-compose {string.Join(' ', arguments)} failed: {errors}");
        return (await output, errors);
    }
}

using System.Diagnostics;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// docker-compose.yml is checked with Debian's docker-compose (no Docker engine runs here): the file must
/// parse and resolve, and name the chain, the coordinator and one service per organization.
/// </summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task ComposeFileResolvesWithChainCoordinatorAndOrganizations()
    {
        string root = CoCoGen.Chain.Hosting.RepositoryRoot.Find();
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-f", "docker-compose.yml", "config", "--services" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string services = await process.StandardOutput.ReadToEndAsync();
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"docker-compose config failed: {errors}");
        string[] names = services.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["chain", "coordinator", "org1", "org2", "org3"], names.Order().ToArray());
    }
}

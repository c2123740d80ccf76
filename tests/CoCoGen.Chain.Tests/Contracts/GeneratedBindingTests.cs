using System.Security.Cryptography;
using CoCoGen.Chain.Contracts.Generation;
using CoCoGen.Chain.Hosting;

namespace CoCoGen.Chain.Tests.Contracts;

// The committed binding must be exactly what the generator makes of the committed artifact, and the artifact
// must have been compiled from the committed Solidity source.
public sealed class GeneratedBindingTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string ArtifactPath = Path.Combine(Root, "contracts", "artifacts", "CoCoGenSettlement.json");
    private static readonly string GeneratedPath = Path.Combine(Root, "src", "CoCoGen.Chain", "Contracts", "Settlement", "SettlementAbi.g.cs");

    public static readonly BindingNames SettlementNames = new(
        "CoCoGen.Chain.Contracts.Settlement", "SettlementAbi", "CoCoGenSettlementContract", "SettlementErrors", "SettlementRevertException",
        "contracts/artifacts/CoCoGenSettlement.json");

    [Fact]
    public void GeneratedBinding_matches_the_committed_artifact()
    {
        var generated = ContractBindingGenerator.Generate(File.ReadAllText(ArtifactPath), SettlementNames);
        if (Environment.GetEnvironmentVariable("COCOGEN_REGENERATE_BINDINGS") == "1")
        {
            File.WriteAllText(GeneratedPath, generated);
        }

        Assert.True(File.Exists(GeneratedPath), $"{GeneratedPath} is missing; regenerate with COCOGEN_REGENERATE_BINDINGS=1.");
        Assert.True(generated == File.ReadAllText(GeneratedPath),
            "SettlementAbi.g.cs is stale against contracts/artifacts/CoCoGenSettlement.json; regenerate with " +
            "COCOGEN_REGENERATE_BINDINGS=1 dotnet test tests/CoCoGen.Chain.Tests --filter GeneratedBinding");
    }

    [Fact]
    public void Artifact_was_compiled_from_the_committed_source()
    {
        var source = File.ReadAllBytes(Path.Combine(Root, "contracts", "CoCoGenSettlement.sol"));
        var recorded = File.ReadAllText(Path.Combine(Root, "contracts", "artifacts", "CoCoGenSettlement.source.sha256")).Split(' ', '\n')[0].Trim();
        Assert.True(Convert.ToHexStringLower(SHA256.HashData(source)) == recorded,
            "contracts/artifacts/CoCoGenSettlement.json is stale: contracts/CoCoGenSettlement.sol changed since it was compiled (run hardhat/bin/export-artifact).");
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Chain.Hosting;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.Contracts;
using Nethereum.Util;

namespace CoCoGen.Chain.Tests.Contracts;

// The committed DTOs must be exactly what the generator makes of the committed artifact, the artifact must have been
// compiled from the committed Solidity source, and Nethereum must read the same selectors and topics from the DTOs'
// attributes as from the artifact's JSON ABI.
public sealed class SettlementDefinitionTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string ArtifactPath = Path.Combine(Root, "contracts", "artifacts", "CoCoGenSettlement.json");
    private static readonly string GeneratedPath = Path.Combine(Root, "src", "CoCoGen.Chain", "Contracts", "Settlement", "CoCoGenSettlementDefinition.g.cs");

    [Fact]
    public void SettlementDefinition_matches_the_committed_artifact()
    {
        var generated = SettlementDefinitionGenerator.Generate(File.ReadAllText(ArtifactPath), "contracts/artifacts/CoCoGenSettlement.json", "CoCoGen.Chain.Contracts.Settlement");
        if (Environment.GetEnvironmentVariable("COCOGEN_REGENERATE_BINDINGS") == "1")
        {
            File.WriteAllText(GeneratedPath, generated);
        }

        Assert.True(File.Exists(GeneratedPath), $"{GeneratedPath} is missing; regenerate with COCOGEN_REGENERATE_BINDINGS=1.");
        Assert.True(generated == File.ReadAllText(GeneratedPath),
            "CoCoGenSettlementDefinition.g.cs is stale against contracts/artifacts/CoCoGenSettlement.json; regenerate with " +
            "COCOGEN_REGENERATE_BINDINGS=1 dotnet test tests/CoCoGen.Chain.Tests --filter SettlementDefinition");
    }

    [Fact]
    public void Artifact_was_compiled_from_the_committed_source()
    {
        var source = File.ReadAllBytes(Path.Combine(Root, "contracts", "CoCoGenSettlement.sol"));
        var recorded = File.ReadAllText(Path.Combine(Root, "contracts", "artifacts", "CoCoGenSettlement.source.sha256")).Split(' ', '\n')[0].Trim();
        Assert.True(Convert.ToHexStringLower(SHA256.HashData(source)) == recorded,
            "contracts/artifacts/CoCoGenSettlement.json is stale: contracts/CoCoGenSettlement.sol changed since it was compiled (run hardhat/bin/export-artifact).");
    }

    [Fact]
    public void Dto_selectors_and_topics_equal_the_artifact_abi_read_by_Nethereum()
    {
        using var artifact = JsonDocument.Parse(File.ReadAllText(ArtifactPath));
        var contract = new ABIJsonDeserialiser().DeserialiseContract(artifact.RootElement.GetProperty("abi").GetRawText());
        var dtoTypes = typeof(CoCoGenSettlementDeployment).Assembly.GetTypes().Where(t => t.Namespace == typeof(CoCoGenSettlementDeployment).Namespace).ToArray();

        var functionSelectors = dtoTypes.Where(t => t.IsSubclassOf(typeof(FunctionMessage)))
            .Select(t => ABITypedRegistry.GetFunctionABI(t).Sha3Signature).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(contract.Functions.Select(f => f.Sha3Signature).Order(StringComparer.Ordinal), functionSelectors);

        var eventTopics = dtoTypes.Where(t => t.Name.EndsWith("EventDTO", StringComparison.Ordinal))
            .Select(t => ABITypedRegistry.GetEvent(t).Sha3Signature).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(contract.Events.Select(e => e.Sha3Signature).Order(StringComparer.Ordinal), eventTopics);

        var errorSelectors = CoCoGenSettlementErrors.Types.Select(t => ABITypedRegistry.GetError(t).Sha3Signature).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(contract.Errors.Select(e => e.Sha3Signature).Order(StringComparer.Ordinal), errorSelectors);

        // One selector worked out by hand from the Solidity signature, so the comparison above is not Nethereum against itself only.
        Assert.Equal(Sha3Keccack.Current.CalculateHash("openRound(uint256,bytes32,uint8)")[..8], ABITypedRegistry.GetFunctionABI<OpenRoundFunction>().Sha3Signature);
    }
}

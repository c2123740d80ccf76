using System.Reflection;
using NetArchTest.Rules;

namespace CoCoGen.Architecture.Tests;

/// <summary>
/// The dependency rules of docs/architecture.md, checked on the built assemblies: the three layers know nothing of
/// each other, the round protocol sees only ports, each adapter reaches only its own layer, and no assembly has a
/// namespace cycle. Adding one forbidden reference anywhere makes one of these fail, naming the type.
/// </summary>
public sealed class LayerRulesTests
{
    private static readonly string[] Layers = ["CoCoGen.Mechanism", "CoCoGen.Learning", "CoCoGen.Chain"];

    public static TheoryData<string> LayerAssemblies => new(Layers);

    // Each adapter implements ports over one layer. Calibration measures with Learning and fits with Mechanism; the
    // seed mechanisms' services join the layers they were written for; both are named here rather than exempted.
    public static TheoryData<string, string[]> AdapterRules => new()
    {
        { "CoCoGen.Federation.Adapters.Ledger", ["CoCoGen.Learning", "CoCoGen.Mechanism", "Microsoft.AspNetCore"] },
        { "CoCoGen.Federation.Adapters.Audit", ["CoCoGen.Learning", "CoCoGen.Mechanism", "Microsoft.AspNetCore"] },

        // A member's verifier: the audit's recomputation (through the meter port) fed by the transport's client, the
        // terms read from the contract; the evaluator stays behind the port.
        { "CoCoGen.Federation.Adapters.Verification", ["CoCoGen.Learning", "CoCoGen.Mechanism", "Microsoft.AspNetCore"] },
        { "CoCoGen.Federation.Adapters.Keys", ["CoCoGen.Learning", "CoCoGen.Mechanism", "Microsoft.AspNetCore"] },
        { "CoCoGen.Federation.Adapters.Training", ["CoCoGen.Chain", "CoCoGen.Mechanism", "Nethereum", "Microsoft.AspNetCore"] },
        { "CoCoGen.Federation.Adapters.Measurement", ["CoCoGen.Chain", "Nethereum", "Microsoft.AspNetCore"] },
        { "CoCoGen.Federation.Adapters.Guidance", ["CoCoGen.Chain", "CoCoGen.Learning", "Nethereum", "Microsoft.AspNetCore"] },
        { "CoCoGen.Federation.Adapters.Calibration", ["CoCoGen.Chain", "Nethereum", "Microsoft.AspNetCore"] },
        { "CoCoGen.Federation.Adapters.Transport", ["CoCoGen.Chain", "CoCoGen.Learning", "CoCoGen.Mechanism", "Nethereum"] },
        { "CoCoGen.Federation.Adapters.Transport.Wire", ["CoCoGen.Chain", "CoCoGen.Learning", "CoCoGen.Mechanism", "Nethereum", "CoCoGen.Federation.Ports"] },
        { "CoCoGen.Federation.Adapters.Authentication", ["CoCoGen.Chain", "CoCoGen.Learning", "CoCoGen.Mechanism", "Microsoft.AspNetCore", "Grpc"] },
        { "CoCoGen.Federation.Adapters.Reporting", ["CoCoGen.Chain", "CoCoGen.Learning", "CoCoGen.Mechanism", "Nethereum", "Microsoft.AspNetCore"] },
        { "CoCoGen.Federation.Adapters.SeedMechanisms", ["CoCoGen.Chain", "Nethereum", "Microsoft.AspNetCore"] },
        { "CoCoGen.Federation.Adapters.SeedStudies", ["CoCoGen.Chain", "Nethereum", "Microsoft.AspNetCore"] },

        // The paper's comparisons on real training: decides with Mechanism, trains with Learning, no chain.
        { "CoCoGen.Federation.Adapters.Experiments", ["CoCoGen.Chain", "Nethereum", "Microsoft.AspNetCore"] },
    };

    public static TheoryData<string, string> Assemblies => new()
    {
        { "CoCoGen.Federation", "CoCoGen.Federation" },
        { "CoCoGen.Federation.Adapters", "CoCoGen.Federation.Adapters" },
        { "cocogen", "CoCoGen.Cli" },
        { "CoCoGen.Mechanism", "CoCoGen.Mechanism" },
        { "CoCoGen.Learning", "CoCoGen.Learning" },
        { "CoCoGen.Chain", "CoCoGen.Chain" },
    };

    [Theory]
    [MemberData(nameof(LayerAssemblies))]
    public void A_layer_references_no_other_layer_and_nothing_above_it(string layer)
    {
        var references = Assembly.Load(layer).GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        var forbidden = references.Where(r => r != layer && (Layers.Contains(r) || r.StartsWith("CoCoGen.Federation", StringComparison.Ordinal) || r == "cocogen")).ToArray();
        Assert.True(forbidden.Length == 0, $"{layer} references {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void The_round_protocol_sees_only_ports()
    {
        var result = Types.InAssembly(Assembly.Load("CoCoGen.Federation"))
            .ShouldNot()
            .HaveDependencyOnAny("CoCoGen.Chain", "CoCoGen.Learning", "CoCoGen.Mechanism", "CoCoGen.Federation.Adapters", "CoCoGen.Cli", "Nethereum", "Microsoft.AspNetCore", "Grpc")
            .GetResult();
        Assert.True(result.IsSuccessful, "the core depends on an adapter or a layer: " + string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName)));
    }

    [Theory]
    [MemberData(nameof(AdapterRules))]
    public void Each_adapter_reaches_only_its_own_layer(string adapter, string[] forbidden)
    {
        var types = Types.InAssembly(Assembly.Load("CoCoGen.Federation.Adapters")).That().ResideInNamespace(adapter);
        Assert.Contains(types.GetTypes(), t => t.FullName.StartsWith(adapter + ".", StringComparison.Ordinal));
        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{adapter} depends on one of {string.Join(", ", forbidden)}: " + string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName)));
    }

    [Fact]
    public void Every_adapter_namespace_has_a_rule()
    {
        var ruled = AdapterRules.Select(row => (string)row[0]).ToArray();
        var namespaces = Assembly.Load("CoCoGen.Federation.Adapters").GetTypes()
            .Select(t => t.Namespace ?? string.Empty)
            .Where(n => n.StartsWith("CoCoGen.Federation.Adapters.", StringComparison.Ordinal))
            .Distinct()
            .ToArray();
        var unruled = namespaces.Where(n => !ruled.Any(r => n == r || n.StartsWith(r + ".", StringComparison.Ordinal))).ToArray();
        Assert.True(unruled.Length == 0, "adapter namespaces without a dependency rule: " + string.Join(", ", unruled));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_assembly_has_a_namespace_cycle(string assembly, string prefix)
    {
        var graph = NamespaceGraph.Read(Assembly.Load(assembly).Location, prefix);
        Assert.NotEmpty(graph.Edges);
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c => $"cycle: {string.Join(" <-> ", c)} ({graph.Describe(c)})")));
    }
}

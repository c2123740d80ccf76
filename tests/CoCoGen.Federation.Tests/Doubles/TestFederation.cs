using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Strategies;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>A coordinator with n scripted organizations on an in-memory contract, in a fresh run directory.</summary>
internal sealed class TestFederation : IDisposable
{
    public const int Dimension = 16;

    public TestFederation(int organizations = 3, int rounds = 3, string? directory = null, InMemorySettlementContract? contract = null)
    {
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "cocogen-fed-" + Guid.NewGuid().ToString("N"));
        Contract = contract ?? new InMemorySettlementContract();
        Learners = Enumerable.Range(0, organizations).Select(i => new ScriptedLearner(i, Dimension, 1000 + (100 * i))).ToArray();
        Model = new AveragingGlobalModel(Dimension, organizations);
        Meter = new DistanceMeter(Model);
        Options = new ProtocolOptions
        {
            Rounds = rounds,
            GeneratorSteps = 2,
            StragglerTimeoutSeconds = 0.5,
            ReviewTimeoutSeconds = 5,
            MaxParallelOrganizations = organizations,
            BondEther = 100m,
        };
        Verifiers = Enumerable.Range(0, organizations).Select(_ => new ScriptedCommitmentVerifier()).ToArray();
    }

    public string Directory { get; }

    public InMemorySettlementContract Contract { get; }

    public ScriptedLearner[] Learners { get; }

    public AveragingGlobalModel Model { get; }

    public ProtocolOptions Options { get; }

    /// <summary>Each organization's verifier (accepting unless a test sets an objection).</summary>
    public ScriptedCommitmentVerifier[] Verifiers { get; }

    public DistanceMeter Meter { get; }

    public RunDirectory Run => new(Directory);

    public RoundCoordinator Coordinator()
    {
        var channels = Learners.Select((learner, i) => new InProcessOrganizationChannel(new OrganizationAgent(
            $"org{i + 1}",
            learner,
            new InMemoryMemberAccount(Contract, ChainAddress.Parse($"0x{i + 1:x40}")),
            Verifiers[i],
            new ChainSettlementArithmetic(),
            NullLogger<OrganizationAgent>.Instance))).ToArray();
        return new RoundCoordinator(
            channels, new GuidedFedAvgStrategy(new FixedGuidancePolicy()), Model, Meter, new ValidationSeeds("test-secret"), Contract, Contract, new ChainSettlementArithmetic(), Run, Options, TimeProvider.System,
            NullLogger<RoundCoordinator>.Instance);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

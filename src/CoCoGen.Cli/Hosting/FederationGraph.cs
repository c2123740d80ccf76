using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Adapters.Calibration;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Measurement;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Adapters.Verification;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Strategies;
using CoCoGen.Learning.Data;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// The composition root's object graph: every command (`run`, `coordinator`, `org`, `audit`) builds the chain
/// connection, the organizations, the coordinator and the auditor here, and only here; the `Add…` registrations and
/// the commands differ in which of these they use and with which key.
/// </summary>
public static class FederationGraph
{
    /// <summary>The chain connection the settings describe, at <paramref name="endpoint"/>, signing with <paramref name="keys"/>.</summary>
    public static ChainConnection Connect(FederationSettings settings, Uri endpoint, PartyKeys keys, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ChainConnection(endpoint, settings.Chain.ChainId, keys, loggers);
    }

    /// <summary>The one-process demo's keys: every party's, from the development (or configured) mnemonic.</summary>
    public static PartyKeys LocalDemoKeys(FederationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var wallet = MnemonicSource.Resolve(settings.Chain.ChainId, settings.Chain.MnemonicVariable, settings.Chain.MnemonicFile).OpenWallet();
        return PartyKeys.ForLocalDemo(wallet, settings.Chain.CoordinatorAccount);
    }

    /// <summary>Creates the run directory (refusing an existing run unless resuming) and writes the resolved configuration.</summary>
    public static RunDirectory PrepareDirectory(FederationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = new RunDirectory(settings.Run.Out);
        directory.Create(settings.Run.Resume);
        if (!settings.Run.Resume || !File.Exists(directory.ConfigFile))
        {
            RunDirectory.WriteJson(directory.ConfigFile, settings);
        }

        return directory;
    }

    /// <summary>
    /// The coordinator over <paramref name="channels"/>, reporting accuracy on <paramref name="test"/> and measuring
    /// contributions on subsets of <paramref name="pool"/>.
    /// </summary>
    public static RoundCoordinator Coordinator(
        FederationSettings settings,
        IReadOnlyList<IOrganizationChannel> channels,
        ChainConnection connection,
        ImageDataset test,
        ValidationPool pool,
        RunDirectory directory,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        var calibration = ScalingCalibration.Find(settings.Mechanism.Calibration, settings.Learning.Corpus, settings.Learning.Alpha);
        var arithmetic = new ChainSettlementArithmetic();
        var model = new ImageGlobalModel(test, settings.Learning);
        return new RoundCoordinator(
            channels,
            new GuidedFedAvgStrategy(new MechanismGuidancePolicy(settings.Mechanism, calibration, settings.Learning.Seed)),
            model,
            Meter(settings, pool),
            ValidationSeeds(settings),
            arithmetic,
            new ChainSettlementDeployer(connection),
            arithmetic,
            directory,
            settings.Protocol,
            TimeProvider.System,
            loggers.CreateLogger<RoundCoordinator>());
    }

    /// <summary>
    /// A contribution meter of its own (the coordinator's, an auditor's or a member's: none shares state with another)
    /// over <paramref name="pool"/>, sized as the settings say.
    /// </summary>
    public static IContributionMeter Meter(FederationSettings settings, ValidationPool pool)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var corpus = settings.Learning.ResolvedCorpus();
        return new CanonicalContributionMeter(
            pool, settings.Learning.ResolvedModel().Canonical(corpus), settings.Learning.ValidationSubset, Environment.ProcessorCount);
    }

    /// <summary>The run's validation seeds: from Protocol:ValidationSecret, else from the run seed.</summary>
    public static ValidationSeeds ValidationSeeds(FederationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ValidationSeeds(settings.Protocol.ValidationSecret.Length > 0
            ? settings.Protocol.ValidationSecret
            : FormattableString.Invariant($"cocogen/run-seed/{settings.Learning.Seed}"));
    }

    /// <summary>Organization <paramref name="index"/> (0-based): its learner on its own shard, settling and voting from its own account after <paramref name="verifier"/>'s check.</summary>
    public static OrganizationAgent Organization(
        FederationSettings settings, ImageFederationData data, int index, ChainConnection connection, ICommitmentVerifier verifier, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loggers);
        return new OrganizationAgent(
            OrganizationIds.Of(index),
            new ImageOrganizationLearner(data, index, settings.Learning),
            new ChainMemberAccount(connection, index),
            verifier,
            new ChainSettlementArithmetic(),
            loggers.CreateLogger<OrganizationAgent>());
    }

    /// <summary>
    /// The roster as the one-process shape knows it before anyone joins: each organization's id, the address of its
    /// account and its shard's size (the distributed shape takes it from the Consortium section instead).
    /// </summary>
    public static IReadOnlyList<OrganizationProfile> LocalRoster(FederationSettings settings, ImageFederationData data, ChainConnection connection)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        return Enumerable.Range(0, settings.Learning.Organizations)
            .Select(i => new OrganizationProfile(OrganizationIds.Of(i), new ChainMemberAccount(connection, i).Address, data.Partition.Size(i)))
            .ToArray();
    }

    /// <summary>
    /// One organization's own check of each round's commitment: the bundle from <paramref name="bundle"/>, recomputed
    /// with a meter of its own over <paramref name="pool"/> (shared with nobody), the terms read from the contract.
    /// </summary>
    public static ICommitmentVerifier Verifier(
        FederationSettings settings, IEvidenceBundleReader bundle, ValidationPool pool, ChainConnection connection, IReadOnlyList<OrganizationProfile> roster, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var arithmetic = new ChainSettlementArithmetic();
        return new RecomputingCommitmentVerifier(
            bundle, Meter(settings, pool), arithmetic, arithmetic, new ContractTermsReader(connection), roster, TimeProvider.System,
            loggers.CreateLogger<RecomputingCommitmentVerifier>());
    }

    /// <summary>The audit of a run directory against the chain <paramref name="connection"/> reads (no key needed).</summary>
    public static SettlementAuditor Auditor(ChainConnection connection) => new(connection);

    /// <summary>
    /// The recomputation of a run's evidence with a meter of its own, over the validation pool rebuilt from the run's
    /// dataset and seed, against the chain <paramref name="connection"/> reads (no key needed).
    /// </summary>
    public static EvidenceRecomputer Recomputer(ChainConnection connection, FederationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (_, pool) = ImageFederationData.LoadCoordinator(settings.Learning);
        return new EvidenceRecomputer(connection, Meter(settings, pool), new ChainSettlementArithmetic());
    }
}

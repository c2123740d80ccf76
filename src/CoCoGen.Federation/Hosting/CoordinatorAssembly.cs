using CoCoGen.Federation.Calibration;
using CoCoGen.Federation.Guidance;
using CoCoGen.Federation.Keys;
using CoCoGen.Federation.Ledger;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Training;
using CoCoGen.Learning.Data;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Hosting;

/// <summary>Builds the coordinator of a run from its settings, for either deployment shape.</summary>
public static class CoordinatorAssembly
{
    /// <summary>The chain connection the settings describe, at <paramref name="endpoint"/>.</summary>
    public static ChainConnection Connect(FederationSettings settings, Uri endpoint, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var mnemonic = MnemonicSource.Resolve(settings.Chain.ChainId, settings.Chain.MnemonicVariable, settings.Chain.MnemonicFile);
        return new ChainConnection(endpoint, (ulong)settings.Chain.ChainId, mnemonic, loggers);
    }

    /// <summary>HD account index of organization <paramref name="index"/> (0-based).</summary>
    public static uint OrganizationAccount(FederationSettings settings, int index)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (uint)(settings.Chain.CoordinatorAccount + 1 + index);
    }

    /// <summary>Identifier of organization <paramref name="index"/> (0-based).</summary>
    public static string OrganizationId(int index) => FormattableString.Invariant($"org{index + 1}");

    /// <summary>Creates the run directory (refusing an existing run unless resuming) and writes the resolved configuration.</summary>
    public static RunDirectory PrepareDirectory(FederationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = new RunDirectory(settings.Run.Out);
        directory.Create(settings.Run.Resume);
        if (!File.Exists(directory.ConfigFile))
        {
            RunDirectory.WriteJson(directory.ConfigFile, settings);
        }

        return directory;
    }

    /// <summary>The coordinator over <paramref name="channels"/>, evaluating on <paramref name="test"/>.</summary>
    public static RoundCoordinator Create(
        FederationSettings settings,
        IReadOnlyList<IOrganizationChannel> channels,
        ChainConnection connection,
        ImageDataset test,
        RunDirectory directory,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        var calibration = ScalingCalibration.Find(settings.Mechanism.Calibration, settings.Learning.Corpus, settings.Learning.Alpha);
        var arithmetic = new ChainSettlementArithmetic();
        return new RoundCoordinator(
            channels,
            new MechanismGuidancePolicy(settings.Mechanism, calibration, settings.Learning.Seed),
            new ImageGlobalModel(test, settings.Learning),
            arithmetic,
            new ChainSettlementDeployer(connection, (uint)settings.Chain.CoordinatorAccount),
            arithmetic,
            directory,
            settings.Protocol,
            TimeProvider.System,
            loggers.CreateLogger<RoundCoordinator>());
    }
}

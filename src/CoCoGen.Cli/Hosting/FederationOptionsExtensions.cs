using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoCoGen.Cli.Hosting;

/// <summary>Registers the run's option sections, bound strictly and validated when the host starts.</summary>
public static class FederationOptionsExtensions
{
    /// <summary>The top-level sections a configuration may hold.</summary>
    public static readonly IReadOnlyList<string> Sections =
        [ProtocolOptions.Section, LearningOptions.Section, MechanismOptions.Section, ChainOptions.Section, RunOptions.Section, ConsortiumOptions.Section, "Logging"];

    /// <summary>
    /// Binds every section of <paramref name="configuration"/> (unknown keys are errors), validates
    /// ranges and cross-field rules at start, so a bad value stops the run before anything is written.
    /// </summary>
    public static IServiceCollection AddCocogenOptions(this IServiceCollection services, IConfiguration configuration, ProcessRole role = ProcessRole.Run)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSection<ProtocolOptions>(configuration, ProtocolOptions.Section);
        services.AddSection<LearningOptions>(configuration, LearningOptions.Section);
        services.AddSection<MechanismOptions>(configuration, MechanismOptions.Section);
        services.AddSection<ChainOptions>(configuration, ChainOptions.Section);
        services.AddSection<RunOptions>(configuration, RunOptions.Section);
        services.AddSection<ConsortiumOptions>(configuration, ConsortiumOptions.Section);

        // M^Shap pays from the round's Shapley values: unless configured, sample ⌊n ln n⌋ permutations (the M^Shap paper's
        // Section 5.1), at least 2.
        if (string.Equals(configuration[$"{MechanismOptions.Section}:{nameof(MechanismOptions.Rule)}"], "mshap", StringComparison.OrdinalIgnoreCase))
        {
            var organizations = Math.Max(2, ConfiguredLearning(configuration).Organizations);
            services.PostConfigure<ProtocolOptions>(protocol =>
                protocol.ShapleyPermutations = protocol.ShapleyPermutations >= 2 ? protocol.ShapleyPermutations : Math.Max(2, (int)Math.Floor(organizations * Math.Log(organizations))));
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LearningOptions>, LearningOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChainOptions>>(new ChainOptionsValidator(role)));
        if (role != ProcessRole.Organization)
        {
            // Only the process that solves the mechanism and writes the run directory checks those settings.
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MechanismOptions>, MechanismOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RunOptions>, RunOptionsValidator>());
        }

        if (role != ProcessRole.Run)
        {
            services.AddOptions<ChainOptions>().Validate(
                chain => !string.IsNullOrWhiteSpace(chain.RpcUrl),
                $"Chain:RpcUrl is required by `cocogen {(role == ProcessRole.Coordinator ? "coordinator" : "org")}`: every process of the distributed shape settles on one shared chain");

            // The roster is checked against the run's size as configured (bound here without validation, so a bad
            // Learning value is reported once, by its own section).
            var learning = ConfiguredLearning(configuration);
            var trainingSamples = learning.TrainSamples > 0 ? learning.TrainSamples : FullTrainingSet(learning);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsortiumOptions>>(new ConsortiumOptionsValidator(learning.Organizations, trainingSamples)));
        }

        return services;
    }

    /// <summary>
    /// The Learning section as configured, bound without validation (defaults where a value does not bind; the
    /// section's own validation reports it).
    /// </summary>
    public static LearningOptions ConfiguredLearning(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(LearningOptions.Section).Get<LearningOptions>() ?? new LearningOptions();
        }
        catch (InvalidOperationException)
        {
            return new LearningOptions();
        }
    }

    // Fashion-MNIST has 60,000 training images, CIFAR-10 50,000; an unknown corpus is reported by the Learning section.
    private static long FullTrainingSet(LearningOptions learning) =>
        string.Equals(learning.Corpus, "cifar10", StringComparison.OrdinalIgnoreCase) ? 50_000 : 60_000;

    private static void AddSection<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}

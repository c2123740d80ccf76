using System.Collections.Concurrent;

namespace CoCoGen.Learning.Backends;

/// <summary>
/// The backends this process can create, by name. "native" is always there; the composition root registers the
/// others it was built with (the CLI registers "torch"), so layers that choose by configuration (Federation) need
/// no reference to TorchSharp.
/// </summary>
public static class LearningBackends
{
    /// <summary>The default backend's name.</summary>
    public const string Native = "native";

    private static readonly ConcurrentDictionary<string, Func<LearningBackendRequest, ILearningBackend>> Factories = new(StringComparer.Ordinal)
    {
        [Native] = request => request.Device == "cpu"
            ? new NativeLearningBackend(request.Threads)
            : throw new LearningBackendUnavailableException($"device '{request.Device}': the native backend runs on the cpu only; use the torch backend for cuda"),
    };

    /// <summary>Names of the registered backends.</summary>
    public static IReadOnlyCollection<string> Names => [.. Factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Makes a backend available by name (the last registration of a name wins).</summary>
    /// <param name="name">E.g. "torch".</param>
    /// <param name="factory">Creates the backend; throws <see cref="LearningBackendUnavailableException"/> when it cannot run here.</param>
    public static void Register(string name, Func<LearningBackendRequest, ILearningBackend> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        Factories[name] = factory;
    }

    /// <summary>Creates the named backend.</summary>
    /// <param name="name">A registered name.</param>
    /// <param name="request">Device, threads and seed.</param>
    /// <exception cref="LearningBackendUnavailableException">The name is not registered in this build, or the backend cannot run here.</exception>
    public static ILearningBackend Create(string name, LearningBackendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Factories.TryGetValue(name ?? "", out var factory)
            ? factory(request)
            : throw new LearningBackendUnavailableException($"learning backend '{name}' is not in this build (available: {string.Join(", ", Names)})");
    }
}

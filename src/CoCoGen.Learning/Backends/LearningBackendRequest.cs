namespace CoCoGen.Learning.Backends;

/// <summary>What a process asks of its backend.</summary>
/// <param name="Device">"cpu" or "cuda".</param>
/// <param name="Threads">Kernel threads (0: every core).</param>
/// <param name="Seed">Seed of the backend's own random choices (dropout masks on torch).</param>
public sealed record LearningBackendRequest(string Device, int Threads, ulong Seed);

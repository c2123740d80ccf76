namespace CoCoGen.Learning.Canonical;

/// <summary>One thread's activation and scratch buffers for a <see cref="CanonicalNetwork"/>; grown once, reused.</summary>
public sealed class CanonicalWorkspace
{
    private readonly float[] _first;
    private readonly float[] _second;
    private readonly float[] _scratch;

    internal CanonicalWorkspace(int samples, int activationLength, int scratchLength)
    {
        Samples = samples;
        _first = new float[activationLength];
        _second = new float[activationLength];
        _scratch = new float[scratchLength];
    }

    /// <summary>Largest chunk the buffers hold.</summary>
    public int Samples { get; }

    internal Span<float> First => _first;

    internal Span<float> Second => _second;

    internal Span<float> Scratch => _scratch;
}

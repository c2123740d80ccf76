using System.Numerics.Tensors;

namespace CoCoGen.Federation.Ports;

/// <summary>
/// A model's parameters as one flat vector in the model's own parameter order. The protocol only
/// averages, screens, hashes and ships weights, so it needs no knowledge of layer shapes; the learning
/// adapter flattens and restores them.
/// </summary>
public sealed class ModelWeights
{
    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied: the caller hands ownership over).</summary>
    public ModelWeights(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>The parameters, read only.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Number of parameters.</summary>
    public int Count => _values.Length;

    /// <summary>True when every parameter is a finite number.</summary>
    public bool IsFinite()
    {
        foreach (var v in _values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Euclidean distance to <paramref name="other"/>: the norm of the update relative to it.</summary>
    public double DistanceTo(ModelWeights other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count != Count)
        {
            throw new ArgumentException($"weights have {other.Count} parameters, expected {Count}", nameof(other));
        }

        return TensorPrimitives.Distance(_values, other._values);
    }

    /// <summary>The parameters as little-endian float32 bytes: the form that is hashed and shipped.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_values.Length * sizeof(float)];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(_values.AsSpan()).CopyTo(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("weights are shipped little-endian; big-endian hosts are not supported");
        }

        return bytes;
    }

    /// <summary>Reads weights written by <see cref="ToBytes"/>.</summary>
    public static ModelWeights FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new FormatException($"weights payload of {bytes.Length} bytes is not a whole number of float32 values");
        }

        var values = new float[bytes.Length / sizeof(float)];
        bytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return new ModelWeights(values);
    }
}

using CoCoGen.Chain.Hashing;

namespace CoCoGen.Chain.Abi;

/// <summary>Canonical signatures ("name(type,…)") and the selectors and topics derived from them.</summary>
public static class AbiSignature
{
    /// <summary>"name(canonical types…)".</summary>
    public static string Of(string name, IReadOnlyList<AbiParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return name + "(" + string.Join(',', parameters.Select(parameter => parameter.Type.CanonicalName)) + ")";
    }

    /// <summary>First four bytes of Keccak-256 of the signature (functions and errors).</summary>
    public static byte[] Selector(string signature) => Keccak256.HashUtf8(signature)[..4];

    /// <summary>Full Keccak-256 of the signature (an event's first topic).</summary>
    public static byte[] Topic(string signature) => Keccak256.HashUtf8(signature);
}

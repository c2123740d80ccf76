namespace CoCoGen.Chain.Abi;

/// <summary>A Solidity custom error (or Error(string)/Panic(uint256)): its selector and argument decoding.</summary>
public sealed class AbiError
{
    /// <summary>Describes an error.</summary>
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        Signature = AbiSignature.Of(name, inputs);
        Selector = AbiSignature.Selector(Signature);
    }

    /// <summary>The Solidity built-in Error(string) of require/revert with a message.</summary>
    public static AbiError ErrorString { get; } = new("Error", [new AbiParameter("message", AbiType.Parse("string"))]);

    /// <summary>The Solidity built-in Panic(uint256) of failed asserts, overflow, division by zero.</summary>
    public static AbiError Panic { get; } = new("Panic", [new AbiParameter("code", AbiType.Parse("uint256"))]);

    /// <summary>Error name.</summary>
    public string Name { get; }

    /// <summary>Arguments in order.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>Canonical signature.</summary>
    public string Signature { get; }

    /// <summary>First four bytes of Keccak-256 of the signature.</summary>
    public byte[] Selector { get; }

    /// <summary>True when revert data starts with this error's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> revertData) => revertData.Length >= 4 && revertData[..4].SequenceEqual(Selector);

    /// <summary>Selector followed by the encoded arguments (what a revert returns).</summary>
    public byte[] Encode(params IReadOnlyList<object?> arguments) =>
        AbiEncoder.EncodeCall(Selector, Inputs.Select(input => input.Type).ToArray(), arguments);

    /// <summary>Decodes the arguments of revert data that carries this error's selector.</summary>
    /// <exception cref="FormatException">The selector differs or the arguments do not decode.</exception>
    public object?[] Decode(ReadOnlySpan<byte> revertData)
    {
        if (!Matches(revertData))
        {
            throw new FormatException($"Revert data does not start with the selector of {Signature}.");
        }

        return AbiDecoder.Decode(Inputs.Select(input => input.Type).ToArray(), revertData[4..]);
    }
}

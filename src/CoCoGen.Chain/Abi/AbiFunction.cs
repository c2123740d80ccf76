namespace CoCoGen.Chain.Abi;

/// <summary>A contract function: its signature, 4-byte selector, argument encoding and result decoding.</summary>
public sealed class AbiFunction
{
    /// <summary>Describes a function.</summary>
    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, string stateMutability = "nonpayable")
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        Outputs = outputs ?? throw new ArgumentNullException(nameof(outputs));
        StateMutability = stateMutability;
        Signature = AbiSignature.Of(name, inputs);
        Selector = AbiSignature.Selector(Signature);
    }

    /// <summary>Function name.</summary>
    public string Name { get; }

    /// <summary>Arguments in order.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>Return values in order.</summary>
    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary>pure, view, nonpayable or payable.</summary>
    public string StateMutability { get; }

    /// <summary>True for pure and view functions (called, not sent).</summary>
    public bool IsReadOnly => StateMutability is "view" or "pure";

    /// <summary>Canonical signature, e.g. "baz(uint32,bool)".</summary>
    public string Signature { get; }

    /// <summary>First four bytes of Keccak-256 of the signature.</summary>
    public byte[] Selector { get; }

    /// <summary>Selector followed by the encoded arguments.</summary>
    public byte[] EncodeCall(params IReadOnlyList<object?> arguments) =>
        AbiEncoder.EncodeCall(Selector, Inputs.Select(input => input.Type).ToArray(), arguments);

    /// <summary>Decodes the return data.</summary>
    public object?[] DecodeOutput(ReadOnlySpan<byte> data) => AbiDecoder.Decode(Outputs.Select(output => output.Type).ToArray(), data);
}

using System.Numerics;
using CoCoGen.Chain.Rlp;
using CoCoGen.Chain.Signing;

namespace CoCoGen.Chain.Transactions;

/// <summary>An EIP-1559 (type 2) dynamic-fee transaction.</summary>
public sealed record Eip1559Transaction : UnsignedTransaction
{
    /// <summary>The EIP-2718 type byte.</summary>
    public const byte TypeByte = 0x02;

    /// <summary>Tip per gas to the block producer.</summary>
    public required BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>Cap on base fee plus tip per gas.</summary>
    public required BigInteger MaxFeePerGas { get; init; }

    /// <summary>EIP-2930 access list (usually empty).</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <inheritdoc />
    public override BigInteger MaxPricePerGas => MaxFeePerGas;

    /// <summary>0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList]).</summary>
    public override byte[] SigningPayload() => Typed(RlpEncoder.EncodeList(Fields()));

    /// <summary>0x02 ‖ rlp([…, yParity, r, s]).</summary>
    public override byte[] EncodeSigned(EcdsaSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return Typed(RlpEncoder.EncodeList(
        [
            .. Fields(),
            RlpEncoder.EncodeInteger(signature.RecoveryId),
            RlpEncoder.EncodeInteger(signature.R),
            RlpEncoder.EncodeInteger(signature.S),
        ]));
    }

    private byte[][] Fields() =>
    [
        RlpEncoder.EncodeInteger(ChainId),
        RlpEncoder.EncodeInteger(Nonce),
        RlpEncoder.EncodeInteger(MaxPriorityFeePerGas),
        RlpEncoder.EncodeInteger(MaxFeePerGas),
        RlpEncoder.EncodeInteger(GasLimit),
        RlpEncoder.EncodeBytes(To?.ToBytes() ?? []),
        RlpEncoder.EncodeInteger(Value),
        RlpEncoder.EncodeBytes(Data),
        RlpEncoder.EncodeList(AccessList.Select(entry => RlpEncoder.EncodeList(
            RlpEncoder.EncodeBytes(entry.Address.ToBytes()),
            RlpEncoder.EncodeList(entry.StorageKeys.Select(key => RlpEncoder.EncodeBytes(key)).ToArray()))).ToArray()),
    ];

    private static byte[] Typed(byte[] payload)
    {
        var typed = new byte[payload.Length + 1];
        typed[0] = TypeByte;
        payload.CopyTo(typed, 1);
        return typed;
    }
}

using System.Numerics;
using CoCoGen.Chain.Rlp;
using CoCoGen.Chain.Signing;

namespace CoCoGen.Chain.Transactions;

/// <summary>A legacy (type 0) transaction signed with EIP-155 replay protection.</summary>
public sealed record LegacyTransaction : UnsignedTransaction
{
    /// <summary>Price per gas in wei.</summary>
    public required BigInteger GasPrice { get; init; }

    /// <inheritdoc />
    public override BigInteger MaxPricePerGas => GasPrice;

    /// <summary>rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0]) (EIP-155).</summary>
    public override byte[] SigningPayload() =>
        RlpEncoder.EncodeList([.. CommonFields(), RlpEncoder.EncodeInteger(ChainId), RlpEncoder.EncodeInteger(0), RlpEncoder.EncodeInteger(0)]);

    /// <summary>rlp([nonce, gasPrice, gas, to, value, data, v, r, s]) with v = recoveryId + 2·chainId + 35.</summary>
    public override byte[] EncodeSigned(EcdsaSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var v = new BigInteger(signature.RecoveryId) + (new BigInteger(ChainId) * 2) + 35;
        return RlpEncoder.EncodeList([.. CommonFields(), RlpEncoder.EncodeInteger(v), RlpEncoder.EncodeInteger(signature.R), RlpEncoder.EncodeInteger(signature.S)]);
    }

    private byte[][] CommonFields() =>
    [
        RlpEncoder.EncodeInteger(Nonce),
        RlpEncoder.EncodeInteger(GasPrice),
        RlpEncoder.EncodeInteger(GasLimit),
        RlpEncoder.EncodeBytes(To?.ToBytes() ?? []),
        RlpEncoder.EncodeInteger(Value),
        RlpEncoder.EncodeBytes(Data),
    ];
}

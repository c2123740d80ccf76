using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Rlp;
using CoCoGen.Chain.Signing;

namespace CoCoGen.Chain.Transactions;

/// <summary>Decodes raw signed transactions (EIP-1559 type 2, legacy with EIP-155) and recovers their sender.</summary>
public static class TransactionDecoder
{
    /// <summary>Decodes a raw transaction as eth_sendRawTransaction takes it.</summary>
    /// <exception cref="FormatException">Unknown type, wrong field count, pre-EIP-155 v, or a signature that recovers no key.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new FormatException("A raw transaction is not empty.");
        }

        try
        {
            if (raw[0] == Eip1559Transaction.TypeByte)
            {
                return DecodeEip1559(RlpDecoder.Decode(raw[1..]).Items);
            }

            if (raw[0] >= 0xc0)
            {
                return DecodeLegacy(RlpDecoder.Decode(raw).Items);
            }
        }
        catch (InvalidOperationException exception)
        {
            // A list where a byte string belongs, or the reverse.
            throw new FormatException("The transaction's RLP fields have the wrong shape.", exception);
        }

        throw new FormatException($"Transaction type 0x{raw[0]:x2} is not supported (only 0x02 and legacy).");
    }

    private static SignedTransaction DecodeEip1559(IReadOnlyList<RlpItem> fields)
    {
        if (fields.Count != 12)
        {
            throw new FormatException($"An EIP-1559 transaction has 12 fields, got {fields.Count}.");
        }

        var transaction = new Eip1559Transaction
        {
            ChainId = UInt64(fields[0], "chainId"),
            Nonce = UInt64(fields[1], "nonce"),
            MaxPriorityFeePerGas = fields[2].ToBigInteger(),
            MaxFeePerGas = fields[3].ToBigInteger(),
            GasLimit = UInt64(fields[4], "gasLimit"),
            To = Recipient(fields[5]),
            Value = fields[6].ToBigInteger(),
            Data = fields[7].Bytes,
            AccessList = fields[8].Items.Select(entry => new AccessListEntry(
                EthereumAddress.FromBytes(entry.Items[0].Bytes),
                entry.Items[1].Items.Select(key => key.Bytes).ToArray())).ToArray(),
        };
        var parity = fields[9].ToBigInteger();
        if (parity > 1)
        {
            throw new FormatException($"EIP-1559 y parity must be 0 or 1, got {parity}.");
        }

        return Signed(transaction, new EcdsaSignature(fields[10].ToBigInteger(), fields[11].ToBigInteger(), (int)parity));
    }

    private static SignedTransaction DecodeLegacy(IReadOnlyList<RlpItem> fields)
    {
        if (fields.Count != 9)
        {
            throw new FormatException($"A legacy transaction has 9 fields, got {fields.Count}.");
        }

        var v = fields[6].ToBigInteger();
        if (v < 35)
        {
            throw new FormatException($"Legacy v = {v} carries no chain id (pre-EIP-155); such transactions are not accepted.");
        }

        var chainId = (v - 35) / 2;
        var transaction = new LegacyTransaction
        {
            ChainId = chainId <= ulong.MaxValue ? (ulong)chainId : throw new FormatException($"Chain id {chainId} exceeds 64 bits."),
            Nonce = UInt64(fields[0], "nonce"),
            GasPrice = fields[1].ToBigInteger(),
            GasLimit = UInt64(fields[2], "gasLimit"),
            To = Recipient(fields[3]),
            Value = fields[4].ToBigInteger(),
            Data = fields[5].Bytes,
        };
        return Signed(transaction, new EcdsaSignature(fields[7].ToBigInteger(), fields[8].ToBigInteger(), (int)((v - 35) % 2)));
    }

    private static SignedTransaction Signed(UnsignedTransaction transaction, EcdsaSignature signature)
    {
        EthereumAddress sender;
        try
        {
            sender = Secp256k1Signer.RecoverAddress(transaction.SigningHash(), signature);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException("The transaction's signature recovers no public key.", exception);
        }

        return new SignedTransaction(transaction, signature, sender);
    }

    private static EthereumAddress? Recipient(RlpItem item) => item.Bytes.Length == 0 ? null : EthereumAddress.FromBytes(item.Bytes);

    private static ulong UInt64(RlpItem item, string field)
    {
        var value = item.ToBigInteger();
        return value <= ulong.MaxValue ? (ulong)value : throw new FormatException($"Transaction field {field} = {value} exceeds 64 bits.");
    }
}

using Nethereum.Signer;
using Nethereum.Util;

namespace CoCoGen.Federation.Adapters.Authentication;

/// <summary>Who signed a statement, and the hash every body is named by.</summary>
public static class SignatureRecovery
{
    /// <summary>The address (0x-prefixed, lower case) whose key signed <paramref name="statement"/>; null when the signature is malformed.</summary>
    public static string? Signer(SignedStatement statement, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (signature.Length != 65)
        {
            return null;
        }

        try
        {
            return new EthereumMessageSigner().EncodeUTF8AndEcRecover(statement.Text(), "0x" + Convert.ToHexStringLower(signature)).ToLowerInvariant();
        }
        // Bytes that are no point on the curve throw from deep inside the library; any such failure means "not signed".
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>keccak-256 of <paramref name="bytes"/>.</summary>
    public static byte[] Keccak(ReadOnlySpan<byte> bytes) => Sha3Keccack.Current.CalculateHash(bytes.ToArray());
}

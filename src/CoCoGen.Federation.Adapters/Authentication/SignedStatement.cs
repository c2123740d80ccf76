using System.Globalization;
using System.Text;

namespace CoCoGen.Federation.Adapters.Authentication;

/// <summary>
/// What one party signs for one message: the method, who it is, the round, the work id, the keccak-256 of the
/// message's body, a timestamp and a nonce. Its text (one field per line) is the EIP-191 personal message, so any
/// Ethereum library can check it.
/// </summary>
/// <param name="Method">gRPC method name, for example <c>UploadUpdate</c>; replies prefix it with <c>reply:</c>.</param>
/// <param name="Party">Organization id or <c>coordinator</c>.</param>
/// <param name="Round">Round the message belongs to (0: none).</param>
/// <param name="WorkId">Work item it concerns (empty: none).</param>
/// <param name="BodyHash">keccak-256 of the body (32 bytes).</param>
/// <param name="TimestampMs">Unix time in milliseconds.</param>
/// <param name="Nonce">Random bytes never reused by the party (a reply repeats its request's nonce).</param>
public sealed record SignedStatement(string Method, string Party, long Round, string WorkId, byte[] BodyHash, long TimestampMs, byte[] Nonce)
{
    /// <summary>Domain of version 1 of the wire contract.</summary>
    public const string Domain = "cocogen.federation.v1";

    /// <summary>The signed text.</summary>
    public string Text() => string.Join('\n',
        Domain,
        Method,
        Party,
        Round.ToString(CultureInfo.InvariantCulture),
        WorkId,
        Convert.ToHexStringLower(BodyHash),
        TimestampMs.ToString(CultureInfo.InvariantCulture),
        Convert.ToHexStringLower(Nonce));

    /// <summary>The text's UTF-8 bytes.</summary>
    public byte[] Bytes() => Encoding.UTF8.GetBytes(Text());
}

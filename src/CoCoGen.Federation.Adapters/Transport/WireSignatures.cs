using System.Security.Cryptography;
using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Transport.Wire;
using Google.Protobuf;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>Signing and reading the <see cref="Wire.Authentication"/> of a message.</summary>
internal static class WireSignatures
{
    public const string CoordinatorParty = "coordinator";

    /// <summary>keccak-256 of a message's deterministic encoding; the caller passes it with its authentication unset.</summary>
    public static byte[] BodyHash(IMessage body) => SignatureRecovery.Keccak(body.ToByteArray());

    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(16);

    public static Wire.Authentication Sign(PartySigner signer, string method, long round, string workId, IMessage body, long timestampMs, byte[] nonce)
    {
        var statement = new SignedStatement(method, signer.Party, round, workId, BodyHash(body), timestampMs, nonce);
        return new Wire.Authentication
        {
            Party = signer.Party,
            Round = round,
            WorkId = workId,
            BodyHash = ByteString.CopyFrom(statement.BodyHash),
            TimestampMs = timestampMs,
            Nonce = ByteString.CopyFrom(nonce),
            Signature = ByteString.CopyFrom(signer.Sign(statement)),
        };
    }

    public static SignedStatement Statement(string method, Wire.Authentication auth) =>
        new(method, auth.Party, auth.Round, auth.WorkId, auth.BodyHash.ToByteArray(), auth.TimestampMs, auth.Nonce.ToByteArray());

    /// <summary>The reply method name a coordinator signs for <paramref name="method"/>.</summary>
    public static string Reply(string method) => "reply:" + method;
}

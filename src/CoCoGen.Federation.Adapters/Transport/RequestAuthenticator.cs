using System.Collections.Concurrent;
using System.Globalization;
using CoCoGen.Federation.Adapters.Authentication;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// Decides who sent a request: its signature must recover the roster address of the party it names, over this
/// method and this body, within the allowed clock skew, with a nonce the party has not used. Anything else is
/// refused with a gRPC status and logged.
/// </summary>
internal sealed partial class RequestAuthenticator(IReadOnlyDictionary<string, RosterMember> roster, TimeProvider time, TimeSpan skew, ILogger logger)
{
    private readonly ConcurrentDictionary<string, long> _nonces = new(StringComparer.Ordinal);
    private long _lastPrune;

    /// <summary>The roster member that signed <paramref name="auth"/> for <paramref name="method"/> over <paramref name="body"/> (authentication unset).</summary>
    public RosterMember Verify(string method, IMessage body, Wire.Authentication? auth)
    {
        if (auth is null || auth.Signature.IsEmpty)
        {
            throw Refuse(StatusCode.Unauthenticated, method, "(unsigned)", "the request is not signed");
        }

        var party = auth.Party;
        if (!roster.TryGetValue(party, out var member))
        {
            throw Refuse(StatusCode.PermissionDenied, method, party, $"'{Printable(party)}' is not on the roster");
        }

        if (auth.Nonce.Length != 16)
        {
            throw Refuse(StatusCode.InvalidArgument, method, party, "the nonce must be 16 bytes");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (Math.Abs(now - auth.TimestampMs) > skew.TotalMilliseconds)
        {
            throw Refuse(StatusCode.Unauthenticated, method, party, string.Create(CultureInfo.InvariantCulture,
                $"timestamp {auth.TimestampMs} is more than {skew.TotalSeconds} s from the coordinator's clock {now}"));
        }

        if (!auth.BodyHash.Span.SequenceEqual(WireSignatures.BodyHash(body)))
        {
            throw Refuse(StatusCode.Unauthenticated, method, party, "the signed body hash does not match the request");
        }

        var signer = SignatureRecovery.Signer(WireSignatures.Statement(method, auth), auth.Signature.Span);
        if (!string.Equals(signer, member.Address, StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(StatusCode.Unauthenticated, method, party, $"the signature does not recover {party}'s roster address");
        }

        Prune(now);
        if (!_nonces.TryAdd(party + ":" + Convert.ToHexStringLower(auth.Nonce.Span), auth.TimestampMs))
        {
            throw Refuse(StatusCode.Unauthenticated, method, party, "replayed request (nonce already used)");
        }

        return member;
    }

    /// <summary>A refusal of a request that passed authentication but may not be served, logged like the others.</summary>
    public RpcException Refuse(StatusCode status, string method, string party, string reason)
    {
        LogRefused(logger, method, Printable(party), status, reason);
        return new RpcException(new Status(status, $"{method}: {reason}"));
    }

    // A nonce only needs remembering while its timestamp is acceptable; older ones are refused by the skew check.
    private void Prune(long now)
    {
        if (now - Interlocked.Read(ref _lastPrune) < skew.TotalMilliseconds)
        {
            return;
        }

        Interlocked.Exchange(ref _lastPrune, now);
        foreach (var (key, timestamp) in _nonces)
        {
            if (now - timestamp > 2 * skew.TotalMilliseconds)
            {
                _nonces.TryRemove(key, out _);
            }
        }
    }

    private static string Printable(string party) =>
        party.Length <= 40 && party.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? party : "(unprintable party)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} from {Party}: {Status} {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string party, StatusCode status, string reason);
}

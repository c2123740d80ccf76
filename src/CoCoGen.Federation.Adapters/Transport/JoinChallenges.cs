using System.Globalization;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// The join challenges the coordinator has handed out and not yet seen used. Anyone may ask for one, so asking in a
/// loop must neither grow memory nor lock out the real member: a challenge is issued for a named roster member to a
/// peer (its network address); each member has at most <see cref="PerPeer"/> outstanding per peer and
/// <see cref="PerMember"/> in all; each expires after its lifetime; a request beyond a bound is refused (the caller
/// answers RESOURCE_EXHAUSTED) and stores nothing. A flood from one address fills only that address's share, so the
/// real member, calling from its own address, still gets a challenge.
/// </summary>
internal sealed class JoinChallenges(IEnumerable<string> members, TimeProvider time, TimeSpan lifetime)
{
    /// <summary>Outstanding challenges of one member to one peer address.</summary>
    public const int PerPeer = 4;

    /// <summary>Outstanding challenges of one member over all peers (memory is at most this times the roster's size).</summary>
    public const int PerMember = 64;

    private readonly Dictionary<string, List<Issued>> _outstanding = members.ToDictionary(m => m, _ => new List<Issued>(), StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>A fresh 32-byte challenge for <paramref name="member"/> asked by <paramref name="peer"/>, or null with the bound it would exceed.</summary>
    public byte[]? TryIssue(string member, string peer, out string? refusal)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var outstanding = _outstanding[member];
            outstanding.RemoveAll(c => now - c.At > lifetime);
            if (outstanding.Count(c => c.Peer == peer) >= PerPeer)
            {
                refusal = string.Create(CultureInfo.InvariantCulture, $"{PerPeer} join challenges for {member} to this address are outstanding; use one or wait {lifetime.TotalSeconds:G} s");
                return null;
            }

            if (outstanding.Count >= PerMember)
            {
                refusal = string.Create(CultureInfo.InvariantCulture, $"{PerMember} join challenges for {member} are outstanding; wait {lifetime.TotalSeconds:G} s");
                return null;
            }

            var challenge = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            outstanding.Add(new Issued(Convert.ToHexStringLower(challenge), peer, now));
            refusal = null;
            return challenge;
        }
    }

    /// <summary>Consumes a challenge issued for <paramref name="member"/> that has not expired (from any peer: the signature proves the member).</summary>
    public bool TryTake(string member, ReadOnlySpan<byte> challenge)
    {
        var key = Convert.ToHexStringLower(challenge);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var outstanding = _outstanding[member];
            var index = outstanding.FindIndex(c => c.Challenge == key);
            if (index < 0)
            {
                return false;
            }

            var issued = outstanding[index];
            outstanding.RemoveAt(index);
            return now - issued.At <= lifetime;
        }
    }

    private sealed record Issued(string Challenge, string Peer, DateTimeOffset At);
}

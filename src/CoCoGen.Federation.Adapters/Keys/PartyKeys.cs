using CoCoGen.Chain.Keys;
using Nethereum.Signer;

namespace CoCoGen.Federation.Adapters.Keys;

/// <summary>
/// The signing keys this process holds, by party. In the distributed shape a process holds exactly one: the
/// coordinator its own, each organization its own, each unlocked from its own keystore, so no process can sign as
/// another party. Only the one-process local demo holds every party's key, derived from the development mnemonic.
/// Audits hold none.
/// </summary>
public sealed class PartyKeys
{
    private readonly EthECKey? _coordinator;
    private readonly Func<int, EthECKey?> _organization;
    private readonly string _holder;

    private PartyKeys(EthECKey? coordinator, Func<int, EthECKey?> organization, string holder)
    {
        _coordinator = coordinator;
        _organization = organization;
        _holder = holder;
    }

    /// <summary>No key: read-only use (audit).</summary>
    public static PartyKeys None { get; } = new(null, _ => null, "this process holds no key (read-only)");

    /// <summary>The coordinator's key only.</summary>
    public static PartyKeys ForCoordinator(EthECKey key) =>
        new(key ?? throw new ArgumentNullException(nameof(key)), _ => null, "this process holds only the coordinator's key");

    /// <summary>Organization <paramref name="index"/>'s key only (0-based).</summary>
    public static PartyKeys ForOrganization(int index, EthECKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new PartyKeys(null, i => i == index ? key : null, FormattableString.Invariant($"this process holds only org{index + 1}'s key"));
    }

    /// <summary>
    /// The one-process demo: the coordinator at HD account <paramref name="coordinatorAccount"/> of the development
    /// wallet and organization i at the next accounts.
    /// </summary>
    public static PartyKeys ForLocalDemo(DevelopmentWallet wallet, int coordinatorAccount)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        return new PartyKeys(wallet.Key(coordinatorAccount), i => wallet.Key(coordinatorAccount + 1 + i), "the local demo holds every party's development key");
    }

    /// <summary>The coordinator's key.</summary>
    /// <exception cref="InvalidOperationException">This process does not hold it.</exception>
    public EthECKey Coordinator() => _coordinator ?? throw new InvalidOperationException($"no coordinator key: {_holder}");

    /// <summary>Organization <paramref name="index"/>'s key (0-based).</summary>
    /// <exception cref="InvalidOperationException">This process does not hold it.</exception>
    public EthECKey Organization(int index) =>
        _organization(index) ?? throw new InvalidOperationException(FormattableString.Invariant($"no key for org{index + 1}: {_holder}"));
}

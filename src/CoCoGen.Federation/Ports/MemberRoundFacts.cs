namespace CoCoGen.Federation.Ports;

/// <summary>
/// What a member knows of a round first-hand, from its own side of the protocol, against which it checks the
/// round's evidence besides recomputing it: the contract it is bound to, the global weights it trained from, the
/// synthetic count it was assigned, and what it uploaded. A member restarted after it trained knows only the
/// contract (<see cref="Remembers"/> false): it still recomputes everything from the bundle and the chain.
/// </summary>
/// <param name="Contract">The settlement contract the member bonded to.</param>
/// <param name="GlobalBefore">Keccak-256 of the global weights it downloaded for the round (0x-prefixed hex); null when not remembered.</param>
/// <param name="AssignedSynthetic">g_i*, the synthetic samples it was assigned; null when not remembered.</param>
/// <param name="Upload">Its upload; null when it uploaded nothing (then the bundle must hold no update of it) or does not remember.</param>
/// <param name="Remembers">Whether the member took part in the round in this process (false after a restart).</param>
public sealed record MemberRoundFacts(ChainAddress Contract, string? GlobalBefore, long? AssignedSynthetic, UploadedUpdate? Upload, bool Remembers = true)
{
    /// <summary>What a member that did not take part in the round in this process knows: the contract only.</summary>
    public static MemberRoundFacts Forgotten(ChainAddress contract) => new(contract, null, null, null, Remembers: false);
}

namespace CoCoGen.Federation.Ports;

/// <summary>
/// What a member knows of a round first-hand, from its own side of the protocol, against which it checks the
/// round's evidence besides recomputing it: the contract it is bound to, the global weights it trained from, the
/// synthetic count it was assigned, and what it uploaded.
/// </summary>
/// <param name="Contract">The settlement contract the member bonded to.</param>
/// <param name="GlobalBefore">Keccak-256 of the global weights it downloaded for the round (0x-prefixed hex).</param>
/// <param name="AssignedSynthetic">g_i*, the synthetic samples it was assigned.</param>
/// <param name="Upload">Its upload; null when it uploaded nothing (then the bundle must hold no update of it).</param>
public sealed record MemberRoundFacts(ChainAddress Contract, string GlobalBefore, long AssignedSynthetic, UploadedUpdate? Upload);

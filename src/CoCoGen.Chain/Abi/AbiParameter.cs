namespace CoCoGen.Chain.Abi;

/// <summary>A named, typed slot of a function, event, error or tuple.</summary>
/// <param name="Name">Name as declared in Solidity (may be empty).</param>
/// <param name="Type">The ABI type.</param>
/// <param name="Indexed">For event parameters: whether the value is a topic.</param>
/// <param name="InternalType">Solidity's internal type name (e.g. "struct CoCoGenSettlement.Profile"), when the artifact gives it.</param>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false, string? InternalType = null);

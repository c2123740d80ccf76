namespace CoCoGen.Chain.Abi;

/// <summary>The families of Solidity ABI types.</summary>
public enum AbiTypeKind
{
    /// <summary>uint8 … uint256.</summary>
    UnsignedInteger,

    /// <summary>int8 … int256.</summary>
    SignedInteger,

    /// <summary>address (20 bytes, left-padded).</summary>
    Address,

    /// <summary>bool.</summary>
    Bool,

    /// <summary>bytes1 … bytes32 (right-padded).</summary>
    FixedBytes,

    /// <summary>Dynamic bytes.</summary>
    Bytes,

    /// <summary>Dynamic UTF-8 string.</summary>
    Text,

    /// <summary>T[k]: fixed-length array.</summary>
    FixedArray,

    /// <summary>T[]: dynamic-length array.</summary>
    DynamicArray,

    /// <summary>(T1,…,Tn): tuple, a Solidity struct.</summary>
    Tuple,
}

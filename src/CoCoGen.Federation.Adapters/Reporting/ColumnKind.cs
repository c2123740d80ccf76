namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>How a table column's cells are set.</summary>
public enum ColumnKind
{
    /// <summary>Plain text, left-aligned, wrapping.</summary>
    Text,

    /// <summary>Text that may run long (a reason, a detail): wraps, but never narrower than about 18 characters.</summary>
    Prose,

    /// <summary>A figure: right-aligned, tabular digits, not wrapped.</summary>
    Number,

    /// <summary>A hash, address or key: monospace, not wrapped.</summary>
    Code,
}

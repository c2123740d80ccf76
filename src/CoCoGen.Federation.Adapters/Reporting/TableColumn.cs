namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>A table column: its header and how its cells are set.</summary>
/// <param name="Header">Header text.</param>
/// <param name="Kind">How the cells are set.</param>
public sealed record TableColumn(string Header, ColumnKind Kind = ColumnKind.Text);

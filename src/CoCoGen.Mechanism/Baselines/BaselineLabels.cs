namespace CoCoGen.Mechanism.Baselines;

/// <summary>The names the paper uses for each decision rule.</summary>
public static class BaselineLabels
{
    /// <summary>"CoCoGen+", "VCFL", "WCO", "WDG", "RaDG" or "MaDG".</summary>
    public static string Of(BaselineKind kind) => kind switch
    {
        BaselineKind.CoCoGenPlus => "CoCoGen+",
        BaselineKind.Vcfl => "VCFL",
        BaselineKind.Wco => "WCO",
        BaselineKind.Wdg => "WDG",
        BaselineKind.Radg => "RaDG",
        BaselineKind.Madg => "MaDG",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown decision rule."),
    };
}

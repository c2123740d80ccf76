namespace CoCoGen.Benchmarks.Learning;

/// <summary>How much work one invocation of a benchmark method does, for the <see cref="WorkRateColumn"/>.</summary>
/// <param name="units">Units of work per invocation (floating-point operations, images).</param>
/// <param name="unitName">The rate's name, e.g. "GFLOP/s".</param>
/// <param name="scale">Divisor applied to units per second (1e9 for GFLOP/s).</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WorkAttribute(double units, string unitName, double scale = 1) : Attribute
{
    public double Units { get; } = units;

    public string UnitName { get; } = unitName;

    public double Scale { get; } = scale;
}

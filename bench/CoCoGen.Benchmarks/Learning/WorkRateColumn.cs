using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CoCoGen.Benchmarks.Learning;

/// <summary>Work per second from a method's <see cref="WorkAttribute"/> and its mean time (GFLOP/s, images/s).</summary>
public sealed class WorkRateColumn : IColumn
{
    public string Id => nameof(WorkRateColumn);

    public string ColumnName => "Rate";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Work per second: GFLOP/s for kernels, images/s for training";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        WorkAttribute? work = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<WorkAttribute>();
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (work is null || meanNanoseconds is null or <= 0)
        {
            return "-";
        }

        double rate = work.Units / (meanNanoseconds.Value * 1e-9) / work.Scale;
        return string.Create(CultureInfo.InvariantCulture, $"{rate:F1} {work.UnitName}");
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

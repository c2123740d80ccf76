using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace CoCoGen.Benchmarks.Learning;

/// <summary>Default job plus the work-rate column and allocation counts.</summary>
public sealed class LearningBenchmarkConfig : ManualConfig
{
    public LearningBenchmarkConfig()
    {
        AddColumn(new WorkRateColumn());
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

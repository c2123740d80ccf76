using System.Diagnostics;
using System.Runtime.Intrinsics;
using CoCoGen.Learning.CanonicalProbe;

namespace CoCoGen.Learning.Tests.Canonical;

/// <summary>
/// Runs one canonical leave-one-out evaluation in separate processes, each with its own JIT settings, and
/// compares every output bit. .NET 10 reads DOTNET_EnableAVX512 (DOTNET_EnableAVX512F, the name older runtimes
/// and the issue use, no longer has an effect), so both are set; each child reports the SIMD width its kernels
/// used, and the test fails if a setting did not take.
/// </summary>
public sealed class CrossIsaBitExactnessTests
{
    // The MobileNets cost far more an image than LeNet-5, so their rounds are smaller; 40 images still fill a
    // 32-sample chunk (the linear layers' SIMD runs across a chunk's samples).
    [Theory]
    [InlineData("lenet5", 4, 160)]
    [InlineData("mobilenetv2", 2, 40)]
    [InlineData("mobilenetv3-small", 2, 40)]
    public void LeaveOneOutEvaluation_GivesTheSameBitsWithAvx512AndAvx2DisabledAndOnTwoThreads(string model, int organizations, int samples)
    {
        CanonicalProbeScenario.Result here = CanonicalProbeScenario.Run(4242, organizations, samples, 1, model);
        string arguments = $"4242 {organizations} {samples}";
        (int Lanes, string Inputs, string Outputs) plain = RunChild(arguments, model, 1, []);
        (int Lanes, string Inputs, string Outputs) noAvx512 = RunChild(arguments, model, 1, [("DOTNET_EnableAVX512F", "0"), ("DOTNET_EnableAVX512", "0")]);
        (int Lanes, string Inputs, string Outputs) noAvx2 = RunChild(arguments, model, 2, [("DOTNET_EnableAVX512F", "0"), ("DOTNET_EnableAVX512", "0"), ("DOTNET_EnableAVX2", "0")]);

        // The plain child runs with no ISA switch, so it uses at least this process's width: the same, unless the
        // suite itself runs under DOTNET_EnableAVX512=0 (as the engine's AVX2 check runs it), where it uses more.
        Assert.True(plain.Lanes >= here.Lanes, $"the unrestricted child used {plain.Lanes} lanes, this process {here.Lanes}");
        Assert.True(noAvx512.Lanes <= Vector256<float>.Count, $"with AVX-512 disabled the child still used {noAvx512.Lanes} lanes");
        Assert.True(noAvx2.Lanes <= Vector128<float>.Count, $"with AVX2 disabled the child still used {noAvx2.Lanes} lanes");
        Assert.True(new[] { plain.Lanes, noAvx512.Lanes, noAvx2.Lanes }.Distinct().Count() >= 2, "every child ran at the same SIMD width; nothing was compared");
        Assert.All(new[] { plain, noAvx512, noAvx2 }, r => Assert.Equal(here.InputHash, r.Inputs));
        Assert.All(new[] { plain, noAvx512, noAvx2 }, r => Assert.Equal(here.OutputHash, r.Outputs));
    }

    private static (int Lanes, string Inputs, string Outputs) RunChild(string arguments, string model, int threads, (string Name, string Value)[] settings)
    {
        string probe = typeof(CanonicalProbeScenario).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", $"\"{probe}\" {arguments} {threads} {model}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_Enable", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_PreferredVectorBitWidth", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach ((string name, string value) in settings)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the probe ran past two minutes");
        Assert.True(process.ExitCode == 0, $"probe exited {process.ExitCode}: {error.Result}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[0], p => p[1]);
        return (int.Parse(lines["lanes"], System.Globalization.CultureInfo.InvariantCulture), lines["inputs"], lines["outputs"]);
    }
}

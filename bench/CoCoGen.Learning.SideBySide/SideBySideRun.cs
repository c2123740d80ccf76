using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CoCoGen.Learning.SideBySide;

/// <summary>Runs every contestant of every configuration once per round, in turn, and prints one line per measurement.</summary>
internal static partial class SideBySideRun
{
    private static readonly string[] ReportedFlags = ["avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "amx_tile"];

    private sealed record Contestant(string Name, string FileName, string Arguments, IReadOnlyDictionary<string, string> Environment);

    /// <summary>Runs the rotation and prints one line per measurement.</summary>
    /// <param name="rounds">Times every contestant runs.</param>
    /// <param name="python">The Python interpreter with PyTorch.</param>
    /// <param name="lenetImages">Images per LeNet-5 pass.</param>
    /// <param name="mobilenetImages">Images per MobileNetV3-Small pass.</param>
    /// <param name="repeats">Timed passes per measurement (the best counts).</param>
    /// <param name="torchTwoThreads">Whether TorchSharp and PyTorch also run on two threads.</param>
    /// <param name="baseline">Another build's side-by-side executable (e.g. main's), whose native engine runs as "before" contestants in the same rotation; empty for none.</param>
    public static int Execute(int rounds, string python, int lenetImages, int mobilenetImages, int repeats, bool torchTwoThreads, string baseline)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        string repository = FindRepository();
        Console.WriteLine($"ISA: {Isa()}");
        (string Model, int Batch)[] configurations = [("lenet5", 16), ("lenet5", 64), ("mobilenetv3-small", 16)];
        var noEnvironment = new Dictionary<string, string>();
        var avx2Only = new Dictionary<string, string> { ["DOTNET_EnableAVX512"] = "0" }; // .NET 10 ignores DOTNET_EnableAVX512F
        for (int round = 1; round <= rounds; round++)
        {
            foreach ((string model, int batch) in configurations)
            {
                string script = Path.Combine(repository, "reference", model == "lenet5" ? "lenet5_reference.py" : "mobilenetv3_reference.py");
                string pythonMode = model == "lenet5" ? "throughput " : "";
                int images = model == "lenet5" ? lenetImages : mobilenetImages;
                string sizes = $"--images {images} --repeats {repeats}";
                Contestant[] contestants =
                [
                    new("native 1 thread", self, $"measure --backend native --model {model} --batch {batch} --threads 1 {sizes}", noEnvironment),
                    new("native 1 thread, AVX-512 off", self, $"measure --backend native --model {model} --batch {batch} --threads 1 {sizes}", avx2Only),
                    new("native 2 threads", self, $"measure --backend native --model {model} --batch {batch} --threads 2 {sizes}", noEnvironment),
                    new("native 2 threads, AVX-512 off", self, $"measure --backend native --model {model} --batch {batch} --threads 2 {sizes}", avx2Only),
                    .. BaselineContestants(baseline, model, batch, sizes, noEnvironment, avx2Only),
                    new("TorchSharp 1 thread", self, $"measure --backend torch --model {model} --batch {batch} --threads 1 {sizes}", noEnvironment),
                    new("TorchSharp 2 threads", self, $"measure --backend torch --model {model} --batch {batch} --threads 2 {sizes}", noEnvironment),
                    new("PyTorch 1.13 1 thread", python, $"{script} {pythonMode}--batch {batch} --threads 1 {sizes}", noEnvironment),
                    new("PyTorch 1.13 2 threads", python, $"{script} {pythonMode}--batch {batch} --threads 2 {sizes}", noEnvironment),
                ];
                // Two-thread torch runs spin in OpenMP barriers and collapse (to tens of images/s) when the cores are
                // oversubscribed; --torch-two-threads false leaves them out so a contended run finishes.
                foreach (Contestant contestant in contestants.Where(c => torchTwoThreads || c.Name.Contains("native", StringComparison.Ordinal) || !c.Name.EndsWith("2 threads", StringComparison.Ordinal)))
                {
                    string load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
                    string result = Measure(contestant, Path.Combine(repository, "reference"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round} | {model} batch {batch} | {contestant.Name,-34} | {result} | load {load} | {DateTime.UtcNow:HH:mm:ss} UTC"));
                }
            }
        }

        return 0;
    }

    private static Contestant[] BaselineContestants(string baseline, string model, int batch, string sizes, Dictionary<string, string> noEnvironment, Dictionary<string, string> avx2Only)
        => baseline.Length == 0 ? [] :
        [
            new("before: native 1 thread", baseline, $"measure --backend native --model {model} --batch {batch} --threads 1 {sizes}", noEnvironment),
            new("before: native 1 thr, AVX-512 off", baseline, $"measure --backend native --model {model} --batch {batch} --threads 1 {sizes}", avx2Only),
            new("before: native 2 threads", baseline, $"measure --backend native --model {model} --batch {batch} --threads 2 {sizes}", noEnvironment),
            new("before: native 2 thr, AVX-512 off", baseline, $"measure --backend native --model {model} --batch {batch} --threads 2 {sizes}", avx2Only),
        ];

    private static string Measure(Contestant contestant, string workingDirectory)
    {
        var start = new ProcessStartInfo(contestant.FileName, contestant.Arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach ((string key, string value) in contestant.Environment)
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {contestant.FileName}");
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            return $"failed (exit {process.ExitCode}): {output.Trim().Split('\n')[^1]}";
        }

        // Ours: "RESULT n images/s, peak m MiB"; the Python scripts: "... n images/s ..." and "peak RSS m MiB".
        string rate = ImagesPerSecond().Match(output).Groups[1].Value;
        Match peak = PeakMemory().Match(output);
        return $"{rate,7} images/s | peak {(peak.Success ? peak.Groups[1].Value : "?"),5} MiB";
    }

    private static string Isa()
    {
        try
        {
            using Process lscpu = Process.Start(new ProcessStartInfo("lscpu") { RedirectStandardOutput = true })!;
            string text = lscpu.StandardOutput.ReadToEnd();
            lscpu.WaitForExit();
            string model = Regex.Match(text, @"Model name:\s*(.+)").Groups[1].Value.Trim();
            string[] flags = Regex.Match(text, @"Flags:\s*(.+)").Groups[1].Value.Split(' ');
            string[] shown = [.. ReportedFlags.Where(flags.Contains)];
            return $"{model}; {string.Join(' ', shown)}; {Environment.ProcessorCount} logical CPUs";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "lscpu not available";
        }
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoCoGen.Chain.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository (CoCoGen.Chain.sln not found above the program)");
    }

    [GeneratedRegex(@"([0-9]+) images/s")]
    private static partial Regex ImagesPerSecond();

    [GeneratedRegex(@"peak(?: RSS)? ([0-9]+) MiB")]
    private static partial Regex PeakMemory();
}

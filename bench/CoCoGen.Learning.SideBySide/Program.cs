// Side-by-side training throughput of the native engine, TorchSharp and PyTorch 1.13, one run, alternating.
//   dotnet run -c Release --project bench/CoCoGen.Learning.SideBySide -- run [--rounds 2] [--lenet-images 12800] [--mobilenet-images 1600] [--repeats 3] [--torch-two-threads true] [--baseline PATH]
//   dotnet run -c Release --project bench/CoCoGen.Learning.SideBySide -- measure --backend native|torch --model lenet5|mobilenetv3-small --batch 16 --threads 2
//   dotnet run -c Release --project bench/CoCoGen.Learning.SideBySide -- profile --model lenet5|mobilenetv3-small --batch 16 --threads 1
// "run" starts one process per measurement (so each reports its own peak memory), cycling through every
// contestant before the next round, and prints each figure with the load average and lscpu's ISA. --baseline
// names another build's executable of this program (e.g. main's) whose native engine joins the rotation as "before".
// "profile" times each layer's forward and backward, the loss and the optimizer step of the native engine.
using System.Diagnostics;
using System.Globalization;
using CoCoGen.Learning.SideBySide;

if (args.Length == 0 || args[0] is not ("run" or "measure" or "profile"))
{
    Console.Error.WriteLine("usage: side-by-side run [--rounds N] | measure --backend native|torch --model lenet5|mobilenetv3-small --batch N --threads N | profile --model lenet5|mobilenetv3-small --batch N --threads N");
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Option(string name, string fallback) => options.TryGetValue(name, out string? value) ? value : fallback;
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

if (args[0] == "measure")
{
    var measurement = ThroughputMeasurement.Run(Option("backend", "native"), Option("model", "lenet5"), Number("batch", 64), Number("threads", 2), Number("images", 0), Number("repeats", 3));
    Console.WriteLine(measurement);
    return 0;
}

if (args[0] == "profile")
{
    Console.Write(LayerProfile.Run(Option("model", "lenet5"), Number("batch", 64), Number("threads", 1), Number("images", 0)));
    return 0;
}

return SideBySideRun.Execute(Number("rounds", 2), Option("python", "/usr/bin/python3"), Number("lenet-images", 12_800), Number("mobilenet-images", 1_600), Number("repeats", 3), bool.Parse(Option("torch-two-threads", "true")), Option("baseline", string.Empty));

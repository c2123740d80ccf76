using System.Globalization;
using CoCoGen.Learning.CanonicalProbe;

// Usage: CoCoGen.Learning.CanonicalProbe SEED ORGANIZATIONS SAMPLES THREADS [lenet5|mobilenetv2|mobilenetv3-small]
if (args.Length is not (4 or 5))
{
    Console.Error.WriteLine("usage: CoCoGen.Learning.CanonicalProbe SEED ORGANIZATIONS SAMPLES THREADS [lenet5|mobilenetv2|mobilenetv3-small]");
    return 2;
}

CanonicalProbeScenario.Result result = CanonicalProbeScenario.Run(
    ulong.Parse(args[0], CultureInfo.InvariantCulture),
    int.Parse(args[1], CultureInfo.InvariantCulture),
    int.Parse(args[2], CultureInfo.InvariantCulture),
    int.Parse(args[3], CultureInfo.InvariantCulture),
    args.Length == 5 ? args[4] : "lenet5");
Console.WriteLine($"lanes {result.Lanes}");
Console.WriteLine($"inputs {result.InputHash}");
Console.WriteLine($"outputs {result.OutputHash}");
Console.WriteLine(FormattableString.Invariant($"loss {result.Loss:R}"));
return 0;

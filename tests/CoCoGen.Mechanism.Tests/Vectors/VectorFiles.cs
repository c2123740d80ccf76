using System.Text.Json;

namespace CoCoGen.Mechanism.Tests.Vectors;

/// <summary>Access to the shared scenario vectors copied next to the tests.</summary>
internal static class VectorFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Vectors", name);

    public static ExpectedEquilibrium Expected(string name)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path(name + ".expected.json")));
        JsonElement root = doc.RootElement;
        static double[] Array(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
        return new ExpectedEquilibrium(
            Array(root.GetProperty("g")),
            Array(root.GetProperty("utilities")),
            Array(root.GetProperty("transfers")),
            root.GetProperty("socialWelfare").GetDouble());
    }
}

internal sealed record ExpectedEquilibrium(double[] G, double[] Utilities, double[] Transfers, double SocialWelfare);

using System.Globalization;
using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;
using Spectre.Console;

namespace CoCoGen.Cli.Presentation;

/// <summary>Writes a <see cref="SolveReport"/> as a readable table plus a summary.</summary>
internal static class SolveTableWriter
{
    public static void Write(SolveReport report, TextWriter writer)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        Scenario s = report.Scenario;
        EquilibriumResult eq = report.Equilibrium;
        Outcome o = eq.Outcome;
        var table = new Table().Border(TableBorder.Ascii);
        foreach (string column in new[] { "org", "g*", "KKT", "revenue", "cost", "x_i", "comp. loss", "transfer", "utility", "IR" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        for (int i = 0; i < s.Count; i++)
        {
            table.AddRow(
                Markup.Escape(s.Ids[i]),
                F(o.Generation[i], "F1"),
                eq.Kkt[i].ToString(),
                F(o.Revenue[i], "F2"),
                F(o.Cost[i], "F2"),
                F(o.Contribution[i], "G6"),
                F(o.CompetitionLoss[i], "F3"),
                F(o.Transfers[i], "F3"),
                F(o.Utilities[i], "F2"),
                o.Utilities[i] >= 0 ? "yes" : "NO");
        }

        console.Write(table);
        writer.WriteLine($"solver: {eq.Solver} ({eq.Iterations} iteration(s)){(eq.Note.Length > 0 ? "; " + eq.Note : string.Empty)}");
        writer.WriteLine($"global loss L(g*) = {F(o.GlobalLoss, "G8")}");
        writer.WriteLine($"social welfare = {F(o.SocialWelfare, "F4")}; budget residual = {F(o.BudgetResidual, "G3")} (transfer volume {F(o.TransferVolume, "G6")})");
        writer.WriteLine($"Nash certificate: {(eq.Certificate.Holds ? "holds" : "FAILS")} (max deviation gain {F(eq.Certificate.MaxGain, "G3")}, tolerance {F(eq.Certificate.RelativeTolerance, "G3")} x max(1, |U_i|))");
        writer.WriteLine($"social optimum = {F(report.Optimum.SocialWelfare, "F4")}; price of anarchy SW(g*)/SW(opt) = {F(report.Optimum.PriceOfAnarchy, "F6")}");
        if (report.Potential is null)
        {
            writer.WriteLine($"no weighted potential: {report.PotentialReason}");
        }

        if (report.Gamma is { } gamma)
        {
            writer.WriteLine($"welfare-maximising gamma = {F(gamma.Gamma, "G6")} in [0, {F(gamma.UpperBound, "G6")}] with SW = {F(gamma.SocialWelfare, "F4")}");
        }

        if (report.Participation is { } participation)
        {
            writer.WriteLine($"participation: stayed {string.Join(", ", participation.Stayed)}; dropped per round: "
                + (participation.DroppedPerRound.Count == 0 ? "none" : string.Join(" | ", participation.DroppedPerRound.Select(r => string.Join(", ", r)))));
        }

        if (eq.WouldExit.Count > 0)
        {
            writer.WriteLine($"Remark 2: would exit (rivalRate < gamma): {string.Join(", ", eq.WouldExit.Select(i => s.Ids[i]))}");
        }
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

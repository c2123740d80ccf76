namespace CoCoGen.Cli.Tests.Commands;

/// <summary>Runs the real `cocogen` command line in-process and captures both streams.</summary>
internal static class CommandRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CocogenCommandLine.InvokeAsync(args, output, error).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    public static string Data(string folder, string name) => Path.Combine(AppContext.BaseDirectory, folder, name);
}

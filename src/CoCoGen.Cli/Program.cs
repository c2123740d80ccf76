using CoCoGen.Cli;

return await CocogenCommandLine.Build().Parse(args).InvokeAsync();

using CoCoGen.Cli;

return await CocogenCommandLine.InvokeAsync(args);

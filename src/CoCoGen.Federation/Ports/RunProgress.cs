namespace CoCoGen.Federation.Ports;

/// <summary>A progress report of a run, for progress bars.</summary>
/// <param name="Phase">What is running, for example <c>generator</c> or <c>round</c>.</param>
/// <param name="Step">Steps done in this phase.</param>
/// <param name="Total">Steps in this phase.</param>
/// <param name="Message">A short line describing the last step.</param>
public sealed record RunProgress(string Phase, int Step, int Total, string Message);

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>An organization's report that it could not do a piece of work.</summary>
/// <param name="Message">Why.</param>
public sealed record WorkFailure(string Message);

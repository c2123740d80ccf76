using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Strategies;

/// <summary>An update the screen accepted, with the organization it came from.</summary>
/// <param name="Organization">Index of the organization in registration order.</param>
/// <param name="Update">The update as received.</param>
public sealed record AcceptedUpdate(int Organization, LocalUpdate Update);

namespace CoCoGen.Federation.Ports;

/// <summary>What an organization makes public about itself: its identity, account and data size.</summary>
/// <param name="Id">Organization identifier, for example <c>org3</c>.</param>
/// <param name="Address">Its settlement account.</param>
/// <param name="LocalSamples">Number of real training samples it holds (D_i).</param>
public sealed record OrganizationProfile(string Id, ChainAddress Address, long LocalSamples);

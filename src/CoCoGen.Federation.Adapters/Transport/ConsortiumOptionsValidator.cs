using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// Checks the roster before anything starts: one line per problem, naming the entry. Counts against the run's size
/// (<paramref name="organizations"/> members, at most <paramref name="trainingSamples"/> training samples in all).
/// </summary>
public sealed partial class ConsortiumOptionsValidator(int organizations, long trainingSamples) : IValidateOptions<ConsortiumOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ConsortiumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!IsAddress(options.CoordinatorAddress))
        {
            problems.Add($"Consortium:CoordinatorAddress: '{options.CoordinatorAddress}' is not a 0x-prefixed 20-byte hex address");
        }

        if (options.Roster.Count != organizations)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Consortium:Roster has {options.Roster.Count} entries; the run has {organizations} organizations (Learning:Organizations)"));
        }

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var seenAddresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Roster.Count; i++)
        {
            var member = options.Roster[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"Consortium:Roster:{i}");
            var expected = string.Create(CultureInfo.InvariantCulture, $"org{i + 1}");
            if (member.Organization != expected)
            {
                problems.Add($"{at}:Organization: '{member.Organization}' must be {expected} (entries in organization order)");
            }
            else if (!seenIds.Add(member.Organization))
            {
                problems.Add($"{at}:Organization: {member.Organization} appears twice");
            }

            if (!IsAddress(member.Address))
            {
                problems.Add($"{at}:Address: '{member.Address}' ({member.Organization}) is not a 0x-prefixed 20-byte hex address");
            }
            else if (!seenAddresses.Add(member.Address!))
            {
                problems.Add($"{at}:Address: {member.Organization} shares its address with another member");
            }
            else if (string.Equals(member.Address, options.CoordinatorAddress, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{at}:Address: {member.Organization} has the coordinator's address; the coordinator is never a member");
            }

            if (member.LocalSamples <= 0 || member.LocalSamples > trainingSamples)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{at}:LocalSamples: {member.Organization} declares D_i = {member.LocalSamples}; it must be between 1 and the {trainingSamples} training samples of the run"));
            }
        }

        // Judged only when every entry is in range, so one bad D_i gives one line.
        var declared = options.Roster.Sum(m => Math.Max(0, Math.Min(m.LocalSamples, trainingSamples)));
        if (options.Roster.All(m => m.LocalSamples > 0 && m.LocalSamples <= trainingSamples) && declared > trainingSamples)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Consortium:Roster: the declared D_i add up to {declared}, more than the {trainingSamples} training samples of the run"));
        }

        Positive(problems, "JoinTimeoutSeconds", options.JoinTimeoutSeconds);
        Positive(problems, "BondTimeoutSeconds", options.BondTimeoutSeconds);
        Positive(problems, "ClockSkewSeconds", options.ClockSkewSeconds);
        Positive(problems, "ReconnectTimeoutSeconds", options.ReconnectTimeoutSeconds);
        if (options.MaxWeightsMebibytes is <= 0 or > 1024)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Consortium:MaxWeightsMebibytes must be between 1 and 1024, not {options.MaxWeightsMebibytes}"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Positive(List<string> problems, string field, int value)
    {
        if (value <= 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Consortium:{field} must be positive, not {value}"));
        }
    }

    private static bool IsAddress(string? value) => value is not null && AddressPattern().IsMatch(value);

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressPattern();
}

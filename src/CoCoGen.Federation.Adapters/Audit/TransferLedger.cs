using System.Globalization;
using System.Numerics;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>
/// Running totals of the on-chain transfers in a run's record: per organization and round, what it received and paid
/// so far and its bond, the deposit plus every transfer, the identity the audit's <c>bond</c> check verifies on chain.
/// </summary>
public static class TransferLedger
{
    /// <summary>
    /// The entries of every organization after every round, round by round in record order, organizations in
    /// registration order. <paramref name="depositsWei"/> gives each organization's deposit by index, or is null when
    /// the deposits are not known (then no bond is given).
    /// </summary>
    /// <exception cref="InvalidDataException">A round lists a different number of organizations than the first, or a transfer is not an integer.</exception>
    public static IReadOnlyList<LedgerEntry> Of(IReadOnlyList<RoundRecord> rounds, IReadOnlyList<BigInteger>? depositsWei)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        if (rounds.Count == 0)
        {
            return [];
        }

        var n = rounds[0].Organizations.Count;
        var received = new BigInteger[n];
        var paid = new BigInteger[n];
        var entries = new List<LedgerEntry>(rounds.Count * n);
        foreach (var record in rounds)
        {
            if (record.Organizations.Count != n)
            {
                throw new InvalidDataException($"round {record.Round}: {record.Organizations.Count} organizations, round {rounds[0].Round} had {n}");
            }

            for (var i = 0; i < n; i++)
            {
                var organization = record.Organizations[i];
                // What settleRound moved (the rule's net plus any share of forfeited stakes; 0 for a void round); a round
                // recorded under contract v1 moved its chainNetWei.
                BigInteger? transfer = (organization.TransferredWei ?? organization.ChainNetWei) is { } text
                    ? BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var wei)
                        ? wei
                        : throw new InvalidDataException($"round {record.Round}, {organization.Id}: {(organization.TransferredWei is null ? "chainNetWei" : "transferredWei")} '{text}' is not an integer")
                    : null;
                if (transfer is { Sign: > 0 } gain)
                {
                    received[i] += gain;
                }
                else if (transfer is { Sign: < 0 } loss)
                {
                    paid[i] -= loss;
                }

                BigInteger? bond = depositsWei is not null && i < depositsWei.Count ? depositsWei[i] + received[i] - paid[i] : null;
                entries.Add(new LedgerEntry(record.Round, i, transfer, received[i], paid[i], bond));
            }
        }

        return entries;
    }
}

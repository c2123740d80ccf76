using System.Globalization;
using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>
/// `cocogen audit`: re-reads the chain and checks every round of a run's record against it: the round
/// is Settled, settled exactly once, its PayoffTransferred events
/// equal the recorded transfers, an independent recomputation from the chain's ρ̂, γ and weiPerUnit
/// gives the same figures, each organization's own submission is the recorded one from its own
/// account, every recorded transaction is mined where the record says, and every bond equals its
/// deposits plus its transfers.
/// </summary>
public sealed class SettlementAuditor(ChainConnection connection)
{
    /// <summary>Audits the run in <paramref name="directory"/>.</summary>
    public async Task<AuditReport> AuditAsync(RunDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var rounds = directory.ReadRounds();
        var violations = new List<string>();
        var checks = 0;
        void Check(bool holds, string violation)
        {
            checks++;
            if (!holds)
            {
                violations.Add(violation);
            }
        }

        if (rounds.Count == 0 || rounds[0].Settlement is null)
        {
            return new AuditReport(0, 0, [$"{directory.RoundsFile} holds no settled round"]);
        }

        // Reading needs no key: an account-less connection.
        var chain = await connection.EndpointAsync(cancellationToken).ConfigureAwait(false);
        var contractAddress = rounds[0].Settlement!.Contract.ToEthereumAddress();
        var contract = new CoCoGenSettlementService(contractAddress, chain.Web3);
        var n = await contract.MemberCountAsync(cancellationToken).ConfigureAwait(false);
        var members = new string[n];
        var rho = new BigInteger[n, n];
        for (var i = 0; i < n; i++)
        {
            members[i] = (await contract.MemberAtAsync(i, cancellationToken).ConfigureAwait(false)).ToLowerHex();
            for (var j = 0; j < n; j++)
            {
                rho[i, j] = i == j ? BigInteger.Zero : await contract.RhoWadAsync(i, j, cancellationToken).ConfigureAwait(false);
            }
        }

        var gamma = await contract.GammaWadAsync(cancellationToken).ConfigureAwait(false);
        var weiPerUnit = await contract.WeiPerUnitAsync(cancellationToken).ConfigureAwait(false);
        var transfers = (await contract.EventsAsync<PayoffTransferredEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, Member: Lower(log.Event.Member), log.Event.NetWei)).ToArray();
        var settlements = (await contract.EventsAsync<RoundSettledEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (long)log.Event.Round).ToArray();
        var submissions = (await contract.EventsAsync<ContributionSubmittedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, Member: Lower(log.Event.Member), log.Event.ContributionWad, TransactionHash: TransactionHash.Parse(log.Log.TransactionHash))).ToArray();
        var deposits = (await contract.EventsAsync<BondDepositedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Member: Lower(log.Event.Member), log.Event.AmountWei)).ToArray();

        foreach (var record in rounds)
        {
            var r = record.Round;
            var status = await contract.RoundStatusAsync(r, cancellationToken).ConfigureAwait(false);
            Check(status == RoundStatus.Settled, $"round {r}: status on chain is {status}, not Settled");
            Check(settlements.Count(s => s == r) == 1, $"round {r}: settled {settlements.Count(s => s == r)} times on chain, not once");
            Check(record.Organizations.Count == n, $"round {r}: the record has {record.Organizations.Count} organizations, the contract {n} members");
            if (record.Organizations.Count != n)
            {
                continue;
            }

            var net = members.Select(m => transfers.Where(t => t.Round == r && t.Member == m).Aggregate(BigInteger.Zero, (a, t) => a + t.NetWei)).ToArray();
            var x = new BigInteger[n];
            for (var i = 0; i < n; i++)
            {
                var organization = record.Organizations[i];
                var recorded = BigInteger.Parse(organization.ChainNetWei ?? "0", CultureInfo.InvariantCulture);
                Check(organization.Address.ToEthereumAddress().ToLowerHex() == members[i],
                    $"round {r}, {organization.Id}: recorded address {organization.Address} is not member {i} ({members[i]})");
                var emitted = transfers.Where(t => t.Round == r && t.Member == members[i]).ToArray();
                Check(emitted.Length == 1 && emitted[0].NetWei == recorded,
                    $"round {r}, {organization.Id}: PayoffTransferred events {string.Join(", ", emitted.Select(e => e.NetWei))} wei, the record {recorded}");
                var submitted = submissions.Where(s => s.Round == r && s.Member == members[i]).ToArray();
                if (organization.SubmitTransaction is { } hash)
                {
                    x[i] = BigInteger.Parse(organization.ContributionWad, CultureInfo.InvariantCulture);
                    Check(submitted.Length == 1 && submitted[0].TransactionHash == hash.ToTransactionHash() && submitted[0].ContributionWad == x[i],
                        $"round {r}, {organization.Id}: no ContributionSubmitted of x = {x[i]} in its recorded transaction {hash}");
                    var receipt = await chain.ReceiptAsync(hash.ToTransactionHash(), cancellationToken).ConfigureAwait(false);
                    Check(receipt is { Succeeded: true } && receipt.BlockNumber == organization.SubmitBlock && receipt.From.ToLowerHex() == members[i],
                        $"round {r}, {organization.Id}: submission {hash} is not a successful transaction from its own account in block {organization.SubmitBlock}");
                }
                else
                {
                    Check(submitted.Length == 0, $"round {r}, {organization.Id}: the record says it did not submit, the chain has {submitted.Length} submission(s)");
                }
            }

            var recomputed = SettlementTransferPreview.NetWei(x, Enumerable.Repeat(true, n).ToArray(), rho, gamma, weiPerUnit);
            for (var i = 0; i < n; i++)
            {
                Check(recomputed[i] == net[i], $"round {r}, {record.Organizations[i].Id}: recomputed from the chain's ρ̂, γ and weiPerUnit {recomputed[i]} wei, the contract {net[i]}");
            }

            Check(net.Aggregate(BigInteger.Zero, (a, b) => a + b).IsZero, $"round {r}: transfers do not sum to 0 wei");
            foreach (var transaction in record.Settlement?.Transactions ?? [])
            {
                var receipt = await chain.ReceiptAsync(transaction.Hash.ToTransactionHash(), cancellationToken).ConfigureAwait(false);
                Check(receipt is { Succeeded: true } && receipt.BlockNumber == transaction.Block && receipt.To == contractAddress,
                    $"round {r}: {transaction.Step} {transaction.Hash} is not a successful call of the contract in block {transaction.Block}");
            }
        }

        for (var i = 0; i < n; i++)
        {
            var member = members[i];
            var bond = await contract.BondOfAsync(EthereumAddress.Parse(member), cancellationToken).ConfigureAwait(false);
            var expected = deposits.Where(d => d.Member == member).Aggregate(BigInteger.Zero, (a, d) => a + d.AmountWei)
                + transfers.Where(t => t.Member == member).Aggregate(BigInteger.Zero, (a, t) => a + t.NetWei);
            Check(bond == expected, $"member {i} ({member}): bond {bond} wei, deposits plus transfers {expected} wei");
        }

        return new AuditReport(rounds.Count, checks, violations);
    }

    private static string Lower(string address) => EthereumAddress.Parse(address).ToLowerHex();
}

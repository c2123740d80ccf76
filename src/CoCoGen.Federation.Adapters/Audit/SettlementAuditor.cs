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
/// deposits plus its transfers. Each of these is one <see cref="AuditCheck"/> in the report, passed or not.
/// </summary>
public sealed class SettlementAuditor(ChainConnection connection)
{
    /// <summary>What a settlement audit cannot see, whatever the chain says.</summary>
    public static IReadOnlyList<string> BeyondTheChain { get; } =
    [
        "that the organizations' data is what they declared (sample counts are self-reported; the coordinator caps them, no one sees the data)",
        "that each update was trained as claimed: the record holds its hash and its measured effect, not the training",
        "that the coordinator's validation pool is data no member trained on",
        "payments or agreements made off chain",
    ];

    /// <summary>Audits the run in <paramref name="directory"/>.</summary>
    public async Task<AuditReport> AuditAsync(RunDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var rounds = directory.ReadRounds();
        var checks = new List<AuditCheck>();
        var notChecked = new List<string>(BeyondTheChain);
        if (rounds.Count == 0 || rounds[0].Settlement is null)
        {
            checks.Add(new AuditCheck(AuditCheckNames.Record, null, null, false, $"{directory.RoundsFile} holds no settled round"));
            return new AuditReport { ChainId = connection.ChainId, RoundsChecked = 0, Checks = checks, NotChecked = notChecked };
        }

        var unmeasured = rounds.Where(r => r.Evidence is null).Select(r => r.Round).ToArray();
        if (unmeasured.Length > 0)
        {
            notChecked.Add($"x_i from L and L(−i) in {RoundList(unmeasured)}: no evidence bundle recorded (a run from before contributions were measured); x_i is checked against the chain only");
        }

        // Reading needs no key: an account-less connection.
        var chain = await connection.EndpointAsync(cancellationToken).ConfigureAwait(false);
        var blocks = new List<long>();
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
            .Select(log => (Round: (long)log.Event.Round, Member: Lower(log.Event.Member), log.Event.NetWei, Block: Block(log.Log))).ToArray();
        var settlements = (await contract.EventsAsync<RoundSettledEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, Block: Block(log.Log))).ToArray();
        var submissions = (await contract.EventsAsync<ContributionSubmittedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, Member: Lower(log.Event.Member), log.Event.ContributionWad, TransactionHash: TransactionHash.Parse(log.Log.TransactionHash), Block: Block(log.Log))).ToArray();
        var deposits = (await contract.EventsAsync<BondDepositedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Member: Lower(log.Event.Member), log.Event.AmountWei, Block: Block(log.Log))).ToArray();
        blocks.AddRange(transfers.Select(t => t.Block).Concat(settlements.Select(s => s.Block)).Concat(submissions.Select(s => s.Block)).Concat(deposits.Select(d => d.Block)));

        foreach (var record in rounds)
        {
            var r = record.Round;
            void Check(string name, string? organization, bool holds, string detail) => checks.Add(new AuditCheck(name, r, organization, holds, detail));

            var status = await contract.RoundStatusAsync(r, cancellationToken).ConfigureAwait(false);
            Check(AuditCheckNames.RoundStatus, null, status == RoundStatus.Settled,
                status == RoundStatus.Settled ? $"round {r}: Settled on chain" : $"round {r}: status on chain is {status}, not Settled");
            var settledTimes = settlements.Count(s => s.Round == r);
            Check(AuditCheckNames.SettledOnce, null, settledTimes == 1,
                settledTimes == 1 ? $"round {r}: one RoundSettled event" : $"round {r}: settled {settledTimes} times on chain, not once");
            Check(AuditCheckNames.MemberCount, null, record.Organizations.Count == n,
                $"round {r}: the record has {record.Organizations.Count} organizations, the contract {n} members");
            if (record.Organizations.Count != n)
            {
                continue;
            }

            var net = members.Select(m => transfers.Where(t => t.Round == r && t.Member == m).Aggregate(BigInteger.Zero, (a, t) => a + t.NetWei)).ToArray();
            var x = new BigInteger[n];
            for (var i = 0; i < n; i++)
            {
                var organization = record.Organizations[i];
                var id = organization.Id;
                var recorded = Integer(organization.ChainNetWei ?? "0");
                var sameAddress = organization.Address.ToEthereumAddress().ToLowerHex() == members[i];
                Check(AuditCheckNames.MemberAddress, id, sameAddress, sameAddress
                    ? $"round {r}, {id}: address {members[i]} is member {i}"
                    : $"round {r}, {id}: recorded address {organization.Address} is not member {i} ({members[i]})");
                var emitted = transfers.Where(t => t.Round == r && t.Member == members[i]).ToArray();
                var transferAgrees = recorded is { } wei && emitted.Length == 1 && emitted[0].NetWei == wei;
                Check(AuditCheckNames.TransferEvent, id, transferAgrees, transferAgrees
                    ? $"round {r}, {id}: PayoffTransferred {recorded} wei, as recorded"
                    : $"round {r}, {id}: PayoffTransferred events {string.Join(", ", emitted.Select(e => e.NetWei))} wei, the record {organization.ChainNetWei ?? "none"}");
                var submitted = submissions.Where(s => s.Round == r && s.Member == members[i]).ToArray();
                if (organization.SubmitTransaction is { } hash)
                {
                    var claimed = Integer(organization.ContributionWad);
                    var transaction = (TransactionHash?)hash.ToTransactionHash();
                    var submissionAgrees = claimed is { } wad && transaction is { } recordedHash && submitted.Length == 1 && submitted[0].TransactionHash == recordedHash && submitted[0].ContributionWad == wad;
                    x[i] = claimed ?? BigInteger.Zero;
                    Check(AuditCheckNames.Submission, id, submissionAgrees, submissionAgrees
                        ? $"round {r}, {id}: ContributionSubmitted x = {claimed} (Wad) in {hash}"
                        : $"round {r}, {id}: no ContributionSubmitted of x = {organization.ContributionWad} in its recorded transaction {hash}");
                    var receipt = transaction is { } mined ? await chain.ReceiptAsync(mined, cancellationToken).ConfigureAwait(false) : null;
                    if (receipt is not null)
                    {
                        blocks.Add(receipt.BlockNumber);
                    }

                    var receiptAgrees = receipt is { Succeeded: true } && receipt.BlockNumber == organization.SubmitBlock && receipt.From.ToLowerHex() == members[i];
                    Check(AuditCheckNames.SubmissionReceipt, id, receiptAgrees, receiptAgrees
                        ? $"round {r}, {id}: submission {hash} mined in block {organization.SubmitBlock} from {members[i]}"
                        : $"round {r}, {id}: submission {hash} is not a successful transaction from its own account in block {organization.SubmitBlock}");
                }
                else
                {
                    Check(AuditCheckNames.NoSubmission, id, submitted.Length == 0, submitted.Length == 0
                        ? $"round {r}, {id}: did not submit, and the chain has no submission"
                        : $"round {r}, {id}: the record says it did not submit, the chain has {submitted.Length} submission(s)");
                }
            }

            var recomputed = SettlementTransferPreview.NetWei(x, Enumerable.Repeat(true, n).ToArray(), rho, gamma, weiPerUnit);
            for (var i = 0; i < n; i++)
            {
                Check(AuditCheckNames.TransferRecomputed, record.Organizations[i].Id, recomputed[i] == net[i],
                    $"round {r}, {record.Organizations[i].Id}: recomputed from the chain's ρ̂, γ and weiPerUnit {recomputed[i]} wei, the contract {net[i]}");
            }

            var sum = net.Aggregate(BigInteger.Zero, (a, b) => a + b);
            Check(AuditCheckNames.BudgetBalance, null, sum.IsZero, sum.IsZero ? $"round {r}: transfers sum to 0 wei" : $"round {r}: transfers sum to {sum} wei, not 0");
            foreach (var transaction in record.Settlement?.Transactions ?? [])
            {
                var receipt = await chain.ReceiptAsync(transaction.Hash.ToTransactionHash(), cancellationToken).ConfigureAwait(false);
                if (receipt is not null)
                {
                    blocks.Add(receipt.BlockNumber);
                }

                var mined = receipt is { Succeeded: true } && receipt.BlockNumber == transaction.Block && receipt.To == contractAddress;
                Check(AuditCheckNames.CoordinatorTransaction, null, mined, mined
                    ? $"round {r}: {transaction.Step} {transaction.Hash} mined in block {transaction.Block}"
                    : $"round {r}: {transaction.Step} {transaction.Hash} is not a successful call of the contract in block {transaction.Block}");
            }
        }

        var audited = new AuditedMember[n];
        for (var i = 0; i < n; i++)
        {
            var member = members[i];
            var bond = await contract.BondOfAsync(EthereumAddress.Parse(member), cancellationToken).ConfigureAwait(false);
            var deposited = deposits.Where(d => d.Member == member).Aggregate(BigInteger.Zero, (a, d) => a + d.AmountWei);
            var expected = deposited + transfers.Where(t => t.Member == member).Aggregate(BigInteger.Zero, (a, t) => a + t.NetWei);
            checks.Add(new AuditCheck(AuditCheckNames.Bond, null, OrganizationAt(rounds[^1], i), bond == expected,
                $"member {i} ({member}): bond {bond} wei, deposits plus transfers {expected} wei"));
            audited[i] = new AuditedMember(i, member, deposited, bond);
        }

        // Read last, so every event and receipt used lies at or below it.
        var head = await chain.BlockNumberAsync(cancellationToken).ConfigureAwait(false);
        return new AuditReport
        {
            ChainId = chain.ChainId,
            Contract = contractAddress.ToLowerHex(),
            Blocks = blocks.Count == 0 ? null : new AuditedBlocks(blocks.Min(), blocks.Max(), head),
            Terms = new AuditedContract(
                audited,
                Enumerable.Range(0, n).Select(i => (IReadOnlyList<BigInteger>)Enumerable.Range(0, n).Select(j => rho[i, j]).ToArray()).ToArray(),
                gamma,
                weiPerUnit),
            RoundsChecked = rounds.Count,
            Checks = checks,
            NotChecked = notChecked,
        };
    }

    private static string? OrganizationAt(RoundRecord record, int index) =>
        index < record.Organizations.Count ? record.Organizations[index].Id : null;

    private static long Block(Nethereum.RPC.Eth.DTOs.FilterLog log) => (long)log.BlockNumber.Value;

    private static string RoundList(int[] rounds) =>
        rounds.Length == 1 ? $"round {rounds[0]}"
        : rounds.Zip(rounds.Skip(1)).All(p => p.Second == p.First + 1) ? $"rounds {rounds[0]}–{rounds[^1]}"
        : "rounds " + string.Join(", ", rounds);

    // A figure of the record that is not an integer fails its check (null) instead of stopping the audit.
    private static BigInteger? Integer(string text) =>
        BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Lower(string address) => EthereumAddress.Parse(address).ToLowerHex();
}

using System.Globalization;
using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>
/// `cocogen audit`: re-reads the chain (contract v2) and checks every round of a run's record against its events: the
/// round ended as recorded (Settled, or void: Rejected or Abandoned with the coordinator slashed) exactly once; it was
/// opened with the recorded validation seed hash and committed with the recorded evidence root and contributions; each
/// organization's vote is its own, as recorded; the PayoffTransferred events equal the recorded transfers and an
/// independent recomputation from the chain's ρ̂, γ, weiPerUnit, debit cap, stake and the committed x; every recorded
/// transaction is mined where the record says; and every bond equals its deposits, transfers, stakes and slashes less its
/// withdrawals. Each of these is one <see cref="AuditCheck"/> in the report, passed or not.
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
        var limits = await contract.LimitsAsync(cancellationToken).ConfigureAwait(false);
        var coordinator = (await contract.CoordinatorAsync(cancellationToken).ConfigureAwait(false)).ToLowerHex();
        var transfers = (await contract.EventsAsync<PayoffTransferredEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, Member: Lower(log.Event.Member), log.Event.NetWei, Block: Block(log.Log))).ToArray();
        var settlements = (await contract.EventsAsync<RoundSettledEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, log.Event.NetHash, Block: Block(log.Log))).ToArray();
        var opened = (await contract.EventsAsync<RoundOpenedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, log.Event.SeedHash, log.Event.ActiveMask, log.Event.Mode, Block: Block(log.Log))).ToArray();
        var committed = (await contract.EventsAsync<RoundCommittedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, log.Event.EvidenceRoot, log.Event.Values, Block: Block(log.Log))).ToArray();
        var accepts = (await contract.EventsAsync<RoundAcceptedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, Member: Lower(log.Event.Member), Accepted: true, StakeWei: BigInteger.Zero, TransactionHash: TransactionHash.Parse(log.Log.TransactionHash), Block: Block(log.Log)));
        var rejects = (await contract.EventsAsync<RoundChallengedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, Member: Lower(log.Event.Member), Accepted: false, log.Event.StakeWei, TransactionHash: TransactionHash.Parse(log.Log.TransactionHash), Block: Block(log.Log)));
        var votes = accepts.Concat(rejects).ToArray();
        var rejected = (await contract.EventsAsync<RoundRejectedEventDTO>(cancellationToken).ConfigureAwait(false)).Select(log => (long)log.Event.Round).ToArray();
        var abandoned = (await contract.EventsAsync<RoundAbandonedEventDTO>(cancellationToken).ConfigureAwait(false)).Select(log => (long)log.Event.Round).ToArray();
        var slashes = (await contract.EventsAsync<CoordinatorSlashedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Round: (long)log.Event.Round, log.Event.AmountWei, log.Event.PerMemberWei, Block: Block(log.Log))).ToArray();
        var deposits = (await contract.EventsAsync<BondDepositedEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Member: Lower(log.Event.Account), log.Event.AmountWei, Block: Block(log.Log))).ToArray();
        var withdrawals = (await contract.EventsAsync<WithdrawnEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => (Member: Lower(log.Event.Account), log.Event.AmountWei, Block: Block(log.Log))).ToArray();
        blocks.AddRange(transfers.Select(t => t.Block).Concat(settlements.Select(s => s.Block)).Concat(opened.Select(o => o.Block)).Concat(committed.Select(c => c.Block))
            .Concat(votes.Select(v => v.Block)).Concat(slashes.Select(s => s.Block)).Concat(deposits.Select(d => d.Block)).Concat(withdrawals.Select(w => w.Block)));

        foreach (var record in rounds)
        {
            var r = record.Round;
            void Check(string name, string? organization, bool holds, string detail) => checks.Add(new AuditCheck(name, r, organization, holds, detail));

            var status = await contract.RoundStatusAsync(r, cancellationToken).ConfigureAwait(false);
            var recordedStatus = record.Settlement?.Status;
            var ended = status is RoundStatus.Settled or RoundStatus.Rejected or RoundStatus.Abandoned;
            Check(AuditCheckNames.RoundStatus, null, ended && status.ToString() == recordedStatus,
                ended && status.ToString() == recordedStatus ? $"round {r}: {status} on chain, as recorded" : $"round {r}: status on chain is {status}, the record says {recordedStatus ?? "nothing"}");
            var settledTimes = settlements.Count(s => s.Round == r);
            var voidTimes = rejected.Count(x => x == r) + abandoned.Count(x => x == r);
            var endedOnce = status == RoundStatus.Settled ? settledTimes == 1 && voidTimes == 0 : settledTimes == 0 && voidTimes == 1;
            Check(AuditCheckNames.SettledOnce, null, endedOnce, endedOnce
                ? $"round {r}: ended once ({(status == RoundStatus.Settled ? "one RoundSettled" : $"one Round{status}, no RoundSettled")})"
                : $"round {r}: {settledTimes} RoundSettled and {voidTimes} RoundRejected/RoundAbandoned events");
            Check(AuditCheckNames.MemberCount, null, record.Organizations.Count == n,
                $"round {r}: the record has {record.Organizations.Count} organizations, the contract {n} members");
            if (record.Organizations.Count != n)
            {
                continue;
            }

            var opening = opened.Where(o => o.Round == r).ToArray();
            var seedAgrees = opening.Length == 1 && record.Validation?.SeedHash is { } seedHash && Hex(opening[0].SeedHash) == seedHash;
            Check(AuditCheckNames.Opened, null, seedAgrees, seedAgrees
                ? $"round {r}: RoundOpened with the recorded validation seed hash {record.Validation!.SeedHash}"
                : $"round {r}: {opening.Length} RoundOpened event(s), seed hash {(opening.Length == 1 ? Hex(opening[0].SeedHash) : "none")}, the record {record.Validation?.SeedHash ?? "none"}");
            var active = Enumerable.Range(0, n).Select(i => opening.Length == 1 && ((opening[0].ActiveMask >> i) & 1UL) != 0).ToArray();

            // The committed values: an averaged update's measured x, 0 for the others (as the coordinator commits it); for a
            // round opened in NetVector mode (M^Shap), the net vector the coordinator previewed and committed.
            var netVector = opening.Length == 1 && opening[0].Mode == (byte)SettlementMode.NetVector;
            var x = netVector
                ? record.Organizations.Select(o => (o.PreviewNetWei is { } preview ? Integer(preview) : null) ?? BigInteger.Zero).ToArray()
                : record.Organizations.Select(o => o.Outcome == UpdateOutcome.Accepted ? Integer(o.ContributionWad) ?? BigInteger.Zero : BigInteger.Zero).ToArray();
            var commitment = committed.Where(c => c.Round == r).ToArray();
            if (status == RoundStatus.Abandoned)
            {
                Check(AuditCheckNames.Committed, null, commitment.Length == 0, commitment.Length == 0
                    ? $"round {r}: abandoned without a commitment"
                    : $"round {r}: abandoned, yet {commitment.Length} RoundCommitted event(s)");
            }
            else
            {
                var commitAgrees = commitment.Length == 1 && Hex(commitment[0].EvidenceRoot) == record.Evidence && commitment[0].Values.SequenceEqual(x);
                Check(AuditCheckNames.Committed, null, commitAgrees || (commitment.Length == 1 && status == RoundStatus.Rejected), commitAgrees
                    ? $"round {r}: RoundCommitted with the recorded evidence root {record.Evidence} and {(netVector ? "M^Shap net vector" : "contributions")}"
                    : commitment.Length == 1 && status == RoundStatus.Rejected
                        ? $"round {r}: the rejected commitment (evidence root {Hex(commitment[0].EvidenceRoot)}, x {string.Join(", ", commitment[0].Values)}) differs from the record: that is what the majority rejected"
                        : $"round {r}: {commitment.Length} RoundCommitted event(s); the record commits to evidence {record.Evidence} and x {string.Join(", ", x)}");
            }

            var net = members.Select(m => transfers.Where(t => t.Round == r && t.Member == m).Aggregate(BigInteger.Zero, (a, t) => a + t.NetWei)).ToArray();
            var rejecters = new bool[n];
            for (var i = 0; i < n; i++)
            {
                var organization = record.Organizations[i];
                var id = organization.Id;
                var sameAddress = organization.Address.ToEthereumAddress().ToLowerHex() == members[i];
                Check(AuditCheckNames.MemberAddress, id, sameAddress, sameAddress
                    ? $"round {r}, {id}: address {members[i]} is member {i}"
                    : $"round {r}, {id}: recorded address {organization.Address} is not member {i} ({members[i]})");
                var emitted = transfers.Where(t => t.Round == r && t.Member == members[i]).ToArray();
                var recorded = Integer(organization.TransferredWei ?? "0");
                var transferAgrees = status == RoundStatus.Settled && active[i]
                    ? recorded is { } wei && emitted.Length == 1 && emitted[0].NetWei == wei
                    : emitted.Length == 0 && recorded == BigInteger.Zero;
                Check(AuditCheckNames.TransferEvent, id, transferAgrees, transferAgrees
                    ? $"round {r}, {id}: PayoffTransferred {(emitted.Length == 1 ? emitted[0].NetWei : 0)} wei, as recorded"
                    : $"round {r}, {id}: PayoffTransferred events {string.Join(", ", emitted.Select(e => e.NetWei))} wei, the record {organization.TransferredWei ?? "none"}");

                var cast = votes.Where(v => v.Round == r && v.Member == members[i]).ToArray();
                rejecters[i] = cast.Length == 1 && !cast[0].Accepted;
                if (organization.Vote is { } vote)
                {
                    var voteAgrees = cast.Length == 1 && cast[0].Accepted == vote.Accepted
                        && (vote.Transaction is not { } hash || (cast[0].TransactionHash == hash.ToTransactionHash() && cast[0].Block == vote.Block));
                    Check(AuditCheckNames.Vote, id, voteAgrees, voteAgrees
                        ? $"round {r}, {id}: {(vote.Accepted ? "accepted" : "rejected")} from its own account{(vote.Transaction is { } t ? $" in {t}" : "")}"
                        : $"round {r}, {id}: the record says it {(vote.Accepted ? "accepted" : "rejected")}{(vote.Transaction is { } u ? $" in {u}" : "")}, the chain has {cast.Length} vote(s){(cast.Length == 1 ? $" ({(cast[0].Accepted ? "accept" : "reject")} in {cast[0].TransactionHash})" : "")}");
                }
                else
                {
                    Check(AuditCheckNames.Vote, id, cast.Length == 0, cast.Length == 0
                        ? $"round {r}, {id}: did not vote (silence is acceptance), and the chain has no vote"
                        : $"round {r}, {id}: the record says it did not vote, the chain has {cast.Length} vote(s)");
                }
            }

            if (status == RoundStatus.Settled && commitment.Length == 1)
            {
                // The pair rule on the committed x, or (NetVector) the committed nets themselves, 0 outside the round.
                var rule = netVector
                    ? commitment[0].Values.Select((v, i) => active[i] ? v : BigInteger.Zero).ToArray()
                    : SettlementTransferPreview.NetWei(commitment[0].Values, active, rho, gamma, weiPerUnit, limits.DebitCapWei);
                var rejections = rejecters.Count(b => b);
                var forfeited = rejections * limits.ChallengeStakeWei;
                var recipients = active.Count(a => a) - rejections;
                var share = recipients == 0 ? BigInteger.Zero : forfeited / recipients;
                var bonus = forfeited - (share * recipients) + share;
                for (var i = 0; i < n; i++)
                {
                    var expected = BigInteger.Zero;
                    if (active[i])
                    {
                        expected = rule[i];
                        if (!rejecters[i])
                        {
                            expected += bonus;
                            bonus = share;
                        }
                    }

                    var id = record.Organizations[i].Id;
                    var ruleAgrees = expected == net[i] && record.Organizations[i].ChainNetWei == rule[i].ToString(CultureInfo.InvariantCulture);
                    Check(AuditCheckNames.TransferRecomputed, id, ruleAgrees,
                        $"round {r}, {id}: recomputed from the chain's {(netVector ? "committed net vector" : "ρ̂, γ, weiPerUnit, debit cap and the committed x")} {rule[i]} wei (moved with stake shares {expected}); the contract moved {net[i]}, the record's net {record.Organizations[i].ChainNetWei ?? "none"}");
                }

                var sum = rule.Aggregate(BigInteger.Zero, (a, b) => a + b);
                var moved = net.Aggregate(BigInteger.Zero, (a, b) => a + b);
                Check(AuditCheckNames.BudgetBalance, null, sum.IsZero && moved == forfeited, sum.IsZero && moved == forfeited
                    ? $"round {r}: the rule's nets sum to 0 wei; the transfers to the {forfeited} wei of forfeited stakes"
                    : $"round {r}: the rule's nets sum to {sum} wei, the transfers to {moved} wei (forfeited stakes {forfeited})");
            }
            else if (status != RoundStatus.Settled)
            {
                var slash = slashes.Where(s => s.Round == r).ToArray();
                var slashed = slash.Length == 1 && slash[0].PerMemberWei * active.Count(a => a) == slash[0].AmountWei && slash[0].AmountWei > 0;
                Check(AuditCheckNames.Slash, null, slashed, slashed
                    ? $"round {r}: {status}: void, the coordinator slashed {slash[0].AmountWei} wei, {slash[0].PerMemberWei} wei to each of the round's members"
                    : $"round {r}: {status}, but {slash.Length} CoordinatorSlashed event(s) that do not split the slash over the round's members");
            }

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
            var withdrawn = withdrawals.Where(w => w.Member == member).Aggregate(BigInteger.Zero, (a, w) => a + w.AmountWei);
            var moved = transfers.Where(t => t.Member == member).Aggregate(BigInteger.Zero, (a, t) => a + t.NetWei);

            // A rejection takes the stake at the vote; a round the majority voided gives it back.
            var staked = votes.Where(v => v.Member == member && !v.Accepted && !rejected.Contains(v.Round)).Aggregate(BigInteger.Zero, (a, v) => a + v.StakeWei);
            var bit = 1UL << i;
            var slashShares = slashes.Where(s => opened.Any(o => o.Round == s.Round && (o.ActiveMask & bit) != 0)).Aggregate(BigInteger.Zero, (a, s) => a + s.PerMemberWei);
            var expected = deposited - withdrawn + moved - staked + slashShares;
            checks.Add(new AuditCheck(AuditCheckNames.Bond, null, OrganizationAt(rounds[^1], i), bond == expected,
                $"member {i} ({member}): bond {bond} wei; deposits {deposited} − withdrawals {withdrawn} + transfers {moved} − forfeited stakes {staked} + slash shares {slashShares} = {expected} wei"));
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

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>The settlement audit's check keys (<see cref="AuditCheck.Name"/>), each with what it verifies.</summary>
public static class AuditCheckNames
{
    /// <summary>rounds.jsonl holds a settled round to audit.</summary>
    public const string Record = "record";

    /// <summary>The round ended on chain as recorded: Settled, Rejected or Abandoned.</summary>
    public const string RoundStatus = "round-status";

    /// <summary>The round ended exactly once (one RoundSettled, or one RoundRejected/RoundAbandoned and none settled).</summary>
    public const string SettledOnce = "settled-once";

    /// <summary>The record lists as many organizations as the contract has members.</summary>
    public const string MemberCount = "member-count";

    /// <summary>Each organization's recorded address is the member at its index.</summary>
    public const string MemberAddress = "member-address";

    /// <summary>RoundOpened carries the recorded validation seed hash.</summary>
    public const string Opened = "opened";

    /// <summary>RoundCommitted carries the recorded evidence root and contributions (none for an abandoned round).</summary>
    public const string Committed = "committed";

    /// <summary>Each organization's vote on chain is the recorded one, from its own account, in the recorded transaction.</summary>
    public const string Vote = "vote";

    /// <summary>One PayoffTransferred event per round member of a settled round, equal to the recorded transfer; none for a void round.</summary>
    public const string TransferEvent = "transfer-event";

    /// <summary>The transfers recomputed from the chain's rule and the committed x, with the stake split, equal the contract's.</summary>
    public const string TransferRecomputed = "transfer-recomputed";

    /// <summary>A settled round's rule nets sum to 0 wei; its transfers to the forfeited stakes.</summary>
    public const string BudgetBalance = "budget-balance";

    /// <summary>A void round slashed the coordinator, split equally over the round's members.</summary>
    public const string Slash = "slash";

    /// <summary>Each recorded coordinator transaction is a successful call of the contract in the recorded block.</summary>
    public const string CoordinatorTransaction = "coordinator-transaction";

    /// <summary>Each member's bond equals its deposits, transfers, stakes and slash shares less its withdrawals.</summary>
    public const string Bond = "bond";

    /// <summary>What the check named <paramref name="name"/> verifies, or null for a key this catalogue does not know.</summary>
    public static string? Describe(string name) => name switch
    {
        Record => "rounds.jsonl holds a settled round",
        RoundStatus => "the round ended on chain as recorded (Settled, Rejected or Abandoned)",
        SettledOnce => "the round ended exactly once",
        MemberCount => "the record has one organization per contract member",
        MemberAddress => "each organization's address is the member at its index",
        Opened => "RoundOpened carries the recorded validation seed hash",
        Committed => "RoundCommitted carries the recorded evidence root and x_i",
        Vote => "each organization's vote is on chain as recorded, from its own account",
        TransferEvent => "the PayoffTransferred event equals the recorded transfer (wei); none for a void round",
        TransferRecomputed => "the transfer recomputed from the chain's rule and the committed x_i equals the contract's",
        BudgetBalance => "the round's nets sum to 0 wei and its transfers to the forfeited stakes",
        Slash => "a void round slashed the coordinator to the round's members",
        CoordinatorTransaction => "each coordinator transaction is a successful call of the contract in the recorded block",
        Bond => "each bond equals deposits, transfers, stakes and slash shares less withdrawals",
        "recompute-rounds" => "recomputation: rounds.jsonl holds a settled round",
        "recompute-roster" => "recomputation: the checkpoint names the organizations' declared D_i",
        "round-sequence" => "recomputation: rounds.jsonl holds rounds 1, 2, … without a gap",
        "evidence-hash" => "recomputation: the evidence bundle the record names exists and hashes to its name",
        "evidence-format" => "recomputation: the bundle is a manifest valuing every organization",
        "evidence-round" => "recomputation: the bundle is for this round and contract",
        "roster" => "recomputation: the record's organizations are the checkpoint's roster",
        "validation-seed" => "recomputation: the revealed validation seed hashes to its commitment",
        "validation-pool" => "recomputation: the validation pool rebuilt here hashes to the bundle's pool hash",
        "global-continuity" => "recomputation: the round starts from the weights the previous round ended with",
        "update-order" => "recomputation: the updates are in summation order",
        "update-record" => "recomputation: each accepted update is averaged with the weights the record names",
        "verified-samples" => "recomputation: the verified counts follow from the claims, D_i and g_i*",
        "evidence-blob" => "recomputation: every weights file exists and hashes to its name",
        "recompute" => "recomputation: the bundle can be recomputed",
        "aggregate" => "recomputation: the aggregate is the recorded global model, bit for bit",
        "validation-subset" => "recomputation: the seed draws the recorded subset",
        "validation-loss" => "recomputation: L and accuracy bit for bit",
        "loss-without" => "recomputation: every L(−i) bit for bit",
        "shapley" => "recomputation: every Shapley value bit for bit",
        "contribution" => "recomputation: x_i bit for bit, and its wad",
        "payment-rule" => "recomputation: the bundle states a payment rule this build knows (the pair rule or M^Shap's net vector), with what it needs",
        "transfer" => "recomputation: the transfer by the bundle's rule (pair rule on x, or M^Shap's net vector on the Shapley values) and the contract's terms equals the bundle's and the chain's",
        "chain-commitment" => "recomputation: the chain's seed hash, evidence root and committed values (x_i, or M^Shap's nets) are the evidence's",
        _ => null,
    };
}

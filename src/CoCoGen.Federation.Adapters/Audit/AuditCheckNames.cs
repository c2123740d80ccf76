namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>The settlement audit's check keys (<see cref="AuditCheck.Name"/>), each with what it verifies.</summary>
public static class AuditCheckNames
{
    /// <summary>rounds.jsonl holds a settled round to audit.</summary>
    public const string Record = "record";

    /// <summary>The round's status on chain is Settled.</summary>
    public const string RoundStatus = "round-status";

    /// <summary>The round emitted RoundSettled exactly once.</summary>
    public const string SettledOnce = "settled-once";

    /// <summary>The record lists as many organizations as the contract has members.</summary>
    public const string MemberCount = "member-count";

    /// <summary>Each organization's recorded address is the member at its index.</summary>
    public const string MemberAddress = "member-address";

    /// <summary>One PayoffTransferred event per member and round, equal to the recorded transfer.</summary>
    public const string TransferEvent = "transfer-event";

    /// <summary>The organization's own ContributionSubmitted, of the recorded x, in its recorded transaction.</summary>
    public const string Submission = "submission";

    /// <summary>The submission was mined successfully, from the organization's own account, in the recorded block.</summary>
    public const string SubmissionReceipt = "submission-receipt";

    /// <summary>An organization recorded as not submitting has no submission on chain.</summary>
    public const string NoSubmission = "no-submission";

    /// <summary>The transfers recomputed from the chain's ρ̂, γ and wei per unit equal the contract's.</summary>
    public const string TransferRecomputed = "transfer-recomputed";

    /// <summary>The round's transfers sum to 0 wei.</summary>
    public const string BudgetBalance = "budget-balance";

    /// <summary>Each recorded coordinator transaction is a successful call of the contract in the recorded block.</summary>
    public const string CoordinatorTransaction = "coordinator-transaction";

    /// <summary>Each member's bond equals its deposits plus its transfers.</summary>
    public const string Bond = "bond";

    /// <summary>What the check named <paramref name="name"/> verifies, or null for a key this catalogue does not know.</summary>
    public static string? Describe(string name) => name switch
    {
        Record => "rounds.jsonl holds a settled round",
        RoundStatus => "the round is Settled on chain",
        SettledOnce => "the round was settled exactly once",
        MemberCount => "the record has one organization per contract member",
        MemberAddress => "each organization's address is the member at its index",
        TransferEvent => "the PayoffTransferred event equals the recorded transfer (wei)",
        Submission => "the organization's own ContributionSubmitted carries the recorded x_i",
        SubmissionReceipt => "the submission is a successful transaction from the organization's account in the recorded block",
        NoSubmission => "an organization recorded as not submitting has no submission on chain",
        TransferRecomputed => "the transfer recomputed from the chain's ρ̂, γ and wei per unit equals the contract's",
        BudgetBalance => "the round's transfers sum to 0 wei",
        CoordinatorTransaction => "each coordinator transaction is a successful call of the contract in the recorded block",
        Bond => "each bond equals its deposits plus its transfers",
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
        "transfer" => "recomputation: the transfer from x and the contract's terms equals the bundle's and the chain's",
        "profile-commitment" => "recomputation: the contract's recorded profile hash commits to the evidence's x_i and weights",
        _ => null,
    };
}

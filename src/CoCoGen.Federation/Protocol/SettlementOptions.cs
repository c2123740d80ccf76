using System.ComponentModel.DataAnnotations;
using System.Numerics;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Protocol;

/// <summary>
/// The settlement contract's limits and timeouts (configuration section <c>Protocol:Settlement</c>), fixed when the
/// run deploys its contract. The defaults suit the local chain: a 30 s challenge window costs an honest round no wall
/// time (the coordinator settles as soon as enough organizations accepted), and a development chain's clock is moved
/// when the window must run out; on a public chain choose a window of hours.
/// </summary>
public sealed class SettlementOptions : IValidatableObject
{
    /// <summary>Seconds of chain time from a round's opening within which the coordinator must commit (then anyone may abandon it).</summary>
    [Range(1, 31_536_000, ErrorMessage = "Protocol:Settlement:CommitTimeoutSeconds must be between {1} and {2}")]
    public long CommitTimeoutSeconds { get; set; } = 3_600;

    /// <summary>Seconds of chain time after the commitment during which organizations may reject it; also the notice of a rule change.</summary>
    [Range(1, 31_536_000, ErrorMessage = "Protocol:Settlement:ChallengeWindowSeconds must be between {1} and {2}")]
    public long ChallengeWindowSeconds { get; set; } = 30;

    /// <summary>Seconds without a new round after which the organizations may replace the coordinator by majority.</summary>
    [Range(1, 31_536_000, ErrorMessage = "Protocol:Settlement:AbsenceTimeoutSeconds must be between {1} and {2}")]
    public long AbsenceTimeoutSeconds { get; set; } = 86_400;

    /// <summary>The bond an organization must hold when a round opens to take part in it (it is topped up before each round), in ether.</summary>
    [Range(typeof(decimal), "0.000000001", "1000000", ErrorMessage = "Protocol:Settlement:MinBondEther must be between {1} and {2}")]
    public decimal MinBondEther { get; set; } = 20m;

    /// <summary>The most an organization pays in one round (part of the published rule), in ether.</summary>
    [Range(typeof(decimal), "0.000000001", "1000000", ErrorMessage = "Protocol:Settlement:DebitCapEther must be between {1} and {2}")]
    public decimal DebitCapEther { get; set; } = 10m;

    /// <summary>What an organization stakes to reject a commitment (forfeited to the others when the round stands), in ether.</summary>
    [Range(typeof(decimal), "0.000000001", "1000000", ErrorMessage = "Protocol:Settlement:ChallengeStakeEther must be between {1} and {2}")]
    public decimal ChallengeStakeEther { get; set; } = 1m;

    /// <summary>The coordinator's bond, slashed to the organizations when a majority rejects a commitment or a commit is missed, in ether.</summary>
    [Range(typeof(decimal), "0.000000001", "1000000", ErrorMessage = "Protocol:Settlement:CoordinatorBondEther must be between {1} and {2}")]
    public decimal CoordinatorBondEther { get; set; } = 10m;

    /// <summary>The limits in wei.</summary>
    public SettlementLimits Limits() => new(Wei(MinBondEther), Wei(DebitCapEther), Wei(ChallengeStakeEther), Wei(CoordinatorBondEther));

    /// <summary>The timeouts.</summary>
    public SettlementTimeouts Timeouts() => new((ulong)CommitTimeoutSeconds, (ulong)ChallengeWindowSeconds, (ulong)AbsenceTimeoutSeconds);

    /// <summary>Ether (at most 9 decimals, as configured) in wei.</summary>
    public static BigInteger Wei(decimal ether) => new BigInteger(decimal.Truncate(ether * 1_000_000_000m)) * BigInteger.Pow(10, 9);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinBondEther < DebitCapEther + ChallengeStakeEther)
        {
            yield return new ValidationResult(
                $"Protocol:Settlement:MinBondEther ({MinBondEther}) must be at least DebitCapEther + ChallengeStakeEther ({DebitCapEther + ChallengeStakeEther}), so a member in a round can always pay",
                [nameof(MinBondEther)]);
        }

        if (AbsenceTimeoutSeconds < CommitTimeoutSeconds + ChallengeWindowSeconds)
        {
            yield return new ValidationResult(
                $"Protocol:Settlement:AbsenceTimeoutSeconds ({AbsenceTimeoutSeconds}) must be at least CommitTimeoutSeconds + ChallengeWindowSeconds ({CommitTimeoutSeconds + ChallengeWindowSeconds})",
                [nameof(AbsenceTimeoutSeconds)]);
        }
    }
}

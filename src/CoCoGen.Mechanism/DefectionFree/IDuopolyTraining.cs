namespace CoCoGen.Mechanism.DefectionFree;

/// <summary>
/// The two firms' collaborative training as Algorithm 1 drives it, kept abstract so the Federation layer can
/// supply real training (two silos with complementary label skews on the learning engine). Qualities are
/// q = 1 − f on the joint objective (1) and never decrease (Section 3.1, assumption 4).
/// </summary>
public interface IDuopolyTraining
{
    /// <summary>q_l of the low-quality firm's current model.</summary>
    double LowQuality { get; }

    /// <summary>q_h of the high-quality firm's current model.</summary>
    double HighQuality { get; }

    /// <summary>q_h* = max_x q(x), the quality the high-quality firm can reach (Proposition 2), or its estimate.</summary>
    double MaximalQuality { get; }

    /// <summary>
    /// Step 4: one update of the high-quality model on the joint objective (the low firm shares its loss), with a
    /// learning rate small enough that q_h grows by at most the factor <paramref name="maxGrowth"/>; returns q_h,t.
    /// </summary>
    double ImproveHigh(double maxGrowth);

    /// <summary>Steps 9–11: update the low-quality model on the joint objective while its quality stays at most
    /// <paramref name="cap"/> (never above it); returns q_l,t.</summary>
    double ImproveLow(double cap);
}

namespace CoCoGen.Mechanism.TradeFl;

/// <summary>
/// The accuracy-loss bound of TradeFL's footnote 7: A(Ω) = 1/√(Ω·G) + 1/G, with G training epochs, and the
/// data-accuracy function P(Ω) = A(0) − A(Ω) of Eq. 4. A(0) is infinite under this bound, so the untrained loss
/// is taken as A at one sample, A(1) = 1/√G + 1/G; P(Ω) = (1 − 1/√Ω)/√G then, and only differences of P
/// enter the equilibrium, so this choice shifts payoffs by a constant and moves no strategy.
/// </summary>
public sealed class InverseSqrtAccuracyLoss : IDataAccuracyFunction
{
    private readonly double _invSqrtEpochs;

    /// <summary>Creates the bound for <paramref name="epochs"/> training epochs G.</summary>
    public InverseSqrtAccuracyLoss(double epochs)
    {
        if (!(epochs > 0) || double.IsInfinity(epochs))
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs G must be positive and finite.");
        }

        Epochs = epochs;
        _invSqrtEpochs = 1.0 / Math.Sqrt(epochs);
    }

    /// <summary>G, the number of training epochs.</summary>
    public double Epochs { get; }

    /// <summary>A(Ω) = 1/√(Ω·G) + 1/G (infinite at Ω = 0).</summary>
    public double Loss(double samples) => (1.0 / Math.Sqrt(samples * Epochs)) + (1.0 / Epochs);

    /// <inheritdoc />
    public double Value(double samples) => samples <= 0 ? double.NegativeInfinity : Loss(1.0) - Loss(samples);

    /// <inheritdoc />
    public double Derivative(double samples) =>
        samples <= 0 ? double.PositiveInfinity : 0.5 * _invSqrtEpochs * Math.Pow(samples, -1.5);

    /// <inheritdoc />
    public double InverseDerivative(double slope) =>
        slope <= 0 ? double.PositiveInfinity : Math.Pow(2.0 * slope / _invSqrtEpochs, -2.0 / 3.0);
}

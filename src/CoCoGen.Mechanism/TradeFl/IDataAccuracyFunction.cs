namespace CoCoGen.Mechanism.TradeFl;

/// <summary>
/// The data-accuracy function P(Ω) of TradeFL (Eq. 4): accuracy gained by training on Ω samples. TradeFL needs
/// only that P is non-decreasing and concave (Eq. 5); the solvers use its derivative and the inverse of that
/// derivative, so any such function can be plugged in.
/// </summary>
public interface IDataAccuracyFunction
{
    /// <summary>P(Ω), the accuracy gain over the untrained model for Ω contributed samples (Ω ≥ 0).</summary>
    double Value(double samples);

    /// <summary>dP/dΩ at Ω: non-negative and non-increasing in Ω.</summary>
    double Derivative(double samples);

    /// <summary>The Ω at which dP/dΩ equals <paramref name="slope"/>; +∞ when the slope is never reached from above.</summary>
    double InverseDerivative(double slope);
}

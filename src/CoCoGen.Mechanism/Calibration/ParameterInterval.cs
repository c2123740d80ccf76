namespace CoCoGen.Mechanism.Calibration;

/// <summary>A fitted parameter with its standard error and two-sided 95 % confidence interval.</summary>
/// <param name="Estimate">Least-squares estimate.</param>
/// <param name="StandardError">Asymptotic standard error, from the Jacobian at the estimate.</param>
/// <param name="Lower">Lower end of the 95 % interval.</param>
/// <param name="Upper">Upper end of the 95 % interval.</param>
public readonly record struct ParameterInterval(double Estimate, double StandardError, double Lower, double Upper);

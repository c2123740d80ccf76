namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>A mechanism with payments (Definition 3.1): u_i(s) = a_i(s) − c_i(s_i) + p_i(s).</summary>
public interface IFederationMechanism
{
    /// <summary>Short name used in outputs ("M^Shap", "M^0").</summary>
    string Name { get; }

    /// <summary>The payment vector p(s).</summary>
    double[] Payments(FederationInstance instance, IReadOnlyList<double> samples);

    /// <summary>∂u_i/∂s_i for every agent at s, the direction of the best-response update (Eq. 8).</summary>
    double[] OwnUtilityGradient(FederationInstance instance, IReadOnlyList<double> samples, Random random);
}

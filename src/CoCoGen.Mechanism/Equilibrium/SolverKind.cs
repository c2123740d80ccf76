namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>The equilibrium solvers of model.md §5.</summary>
public enum SolverKind
{
    /// <summary>Closed-form KKT solution (separable global loss).</summary>
    ClosedForm,

    /// <summary>Damped fixed-point iteration on the aggregates (fedavg global loss).</summary>
    FixedPoint,

    /// <summary>Generic bounded maximiser of the weighted potential (MathNet BFGS-B).</summary>
    PotentialMaximizer,

    /// <summary>Distributed best-response dynamics (TradeFL's DBR).</summary>
    BestResponse,
}

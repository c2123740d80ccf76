namespace CoCoGen.Learning.Backends;

/// <summary>The optimizers every backend provides.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent (momentum, Nesterov, weight decay).</summary>
    Sgd,

    /// <summary>Adam.</summary>
    Adam,
}

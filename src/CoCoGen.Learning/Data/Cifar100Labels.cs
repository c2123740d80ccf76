namespace CoCoGen.Learning.Data;

/// <summary>Which of CIFAR-100's two labels a dataset uses.</summary>
public enum Cifar100Labels
{
    /// <summary>The 100 fine classes (the usual benchmark).</summary>
    Fine,

    /// <summary>The 20 coarse superclasses.</summary>
    Coarse,
}

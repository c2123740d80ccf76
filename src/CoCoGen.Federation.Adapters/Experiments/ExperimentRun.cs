namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>One (point, seed): the rule's decision, the training it selected, and predicted and realised welfare.</summary>
/// <param name="Point">α, ρ̄, γ share and rule.</param>
/// <param name="Seed">Replicate seed.</param>
/// <param name="Training">The training's key (shared by every run with the same α, seed and realised g).</param>
/// <param name="Reused">Whether an earlier run's training was reused.</param>
/// <param name="Gamma">γ in money units (the scenario's, before the rule's scoring).</param>
/// <param name="ScoredRhoHat">ρ̂_ij the rule is scored with (0 for VCFL and WCO).</param>
/// <param name="ScoredGamma">γ the rule is scored with (0 for VCFL).</param>
/// <param name="L0">L_0 = ln C.</param>
/// <param name="Omega">ω.</param>
/// <param name="CyclesTrain">c^t.</param>
/// <param name="CyclesGenerate">c^g.</param>
/// <param name="Fee">Fee per organization and round.</param>
/// <param name="MeanDecided">Mean g_i decided.</param>
/// <param name="TestLoss">Measured test loss of the final global model.</param>
/// <param name="TestAccuracy">Its test accuracy.</param>
/// <param name="PredictedLoss">L(g) the loss curves predict.</param>
/// <param name="PredictedWelfare">Model-only SW of the decision, scored as model.md §7 tables the rule.</param>
/// <param name="RealisedWelfare">Realised SW, scored as model.md §7 tables the rule.</param>
/// <param name="RealisedWelfareFull">Realised SW under the full utility (competition and transfers on) for every rule.</param>
/// <param name="Cost">Σ realised cost.</param>
/// <param name="PredictedCost">Σ cost the model charges for the decided g.</param>
/// <param name="TransferSum">Σ realised transfers (budget residual).</param>
/// <param name="Organizations">Per organization inputs and components.</param>
public sealed record ExperimentRun(
    ExperimentPoint Point,
    int Seed,
    string Training,
    bool Reused,
    double Gamma,
    double ScoredRhoHat,
    double ScoredGamma,
    double L0,
    double Omega,
    double CyclesTrain,
    double CyclesGenerate,
    double Fee,
    double MeanDecided,
    double TestLoss,
    double TestAccuracy,
    double PredictedLoss,
    double PredictedWelfare,
    double RealisedWelfare,
    double RealisedWelfareFull,
    double Cost,
    double PredictedCost,
    double TransferSum,
    IReadOnlyList<ExperimentOrganization> Organizations);

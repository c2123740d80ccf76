namespace CoCoGen.Mechanism.TradeFl;

/// <summary>
/// The coopetition game of TradeFL (Sections III–IV): payoffs C_i (Eq. 11) made of model revenue, training
/// overhead (Eq. 8), coopetition damage (Eqs. 6–7) and payoff redistribution (Eqs. 9–10), the time constraint
/// C_i^(3), and the weighted potential of Theorem 1. The accuracy function is fed Ω = Σ d_i·|S_i| samples
/// (the sample-weighted aggregation of Eq. 3); time and energy use the dataset size s_i in bits.
/// </summary>
public sealed class TradeFlGame
{
    private readonly double[] _weights;
    private readonly double[] _competitionSums;

    /// <summary>Creates a game; every argument is checked and a bad one is named in the exception.</summary>
    /// <param name="organizations">The organizations o_i.</param>
    /// <param name="competition">ρ_{i,j} ∈ [0, 1], zero diagonal; need not be symmetric.</param>
    /// <param name="accuracy">The data-accuracy function P.</param>
    /// <param name="parameters">γ, λ, κ, ϖ_e, τ and D_min.</param>
    public TradeFlGame(
        IReadOnlyList<TradeFlOrganization> organizations,
        double[,] competition,
        IDataAccuracyFunction accuracy,
        TradeFlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(competition);
        ArgumentNullException.ThrowIfNull(accuracy);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int n = organizations.Count;
        if (n < 2)
        {
            throw new ArgumentException("organizations: TradeFL needs at least two organizations.", nameof(organizations));
        }

        if (competition.GetLength(0) != n || competition.GetLength(1) != n)
        {
            throw new ArgumentException($"competition: expected a {n}x{n} matrix.", nameof(competition));
        }

        for (int i = 0; i < n; i++)
        {
            ValidateOrganization(organizations[i], parameters);
            for (int j = 0; j < n; j++)
            {
                double rho = competition[i, j];
                if (!(rho >= 0 && rho <= 1) || (i == j && rho != 0))
                {
                    throw new ArgumentException(
                        $"competition[{i}][{j}] ({organizations[i].Id} vs {organizations[j].Id}): must lie in [0, 1] with a zero diagonal, got {rho}.",
                        nameof(competition));
                }
            }
        }

        Organizations = organizations;
        Competition = (double[,])competition.Clone();
        Accuracy = accuracy;
        Parameters = parameters;
        _weights = new double[n];
        _competitionSums = new double[n];
        for (int i = 0; i < n; i++)
        {
            double damageRate = 0;
            for (int j = 0; j < n; j++)
            {
                damageRate += competition[i, j] * organizations[j].Profitability;
                _competitionSums[i] += competition[i, j];
            }

            _weights[i] = organizations[i].Profitability - damageRate;
            if (!(_weights[i] > 0))
            {
                throw new ArgumentException(
                    $"competition: organization {organizations[i].Id} has z_i = p_i − Σ_j ρ_ij p_j = {_weights[i]} ≤ 0; Theorem 1 needs z_i > 0 (lower its ρ row).",
                    nameof(competition));
            }
        }
    }

    /// <summary>The organizations.</summary>
    public IReadOnlyList<TradeFlOrganization> Organizations { get; }

    /// <summary>Number of organizations |N|.</summary>
    public int Count => Organizations.Count;

    /// <summary>Competition intensities ρ_{i,j} (a copy owned by the game).</summary>
    public double[,] Competition { get; }

    /// <summary>The data-accuracy function P.</summary>
    public IDataAccuracyFunction Accuracy { get; }

    /// <summary>γ, λ, κ, ϖ_e, τ, D_min.</summary>
    public TradeFlParameters Parameters { get; }

    /// <summary>The same game with another incentive intensity γ (γ = 0 is the WPR baseline's payoff).</summary>
    public TradeFlGame WithGamma(double gamma) =>
        new(Organizations, Competition, Accuracy, Parameters with { Gamma = gamma });

    /// <summary>The same game with another competition matrix.</summary>
    public TradeFlGame WithCompetition(double[,] competition) => new(Organizations, competition, Accuracy, Parameters);

    /// <summary>z_i = p_i − Σ_j ρ_ij p_j, the weight of organization i in the potential (Theorem 1).</summary>
    public double PotentialWeight(int i) => _weights[i];

    /// <summary>ρ_i = Σ_j ρ_ij, the rate at which i's own resources earn redistribution.</summary>
    public double CompetitionSum(int i) => _competitionSums[i];

    /// <summary>f_i in Hz for a strategy.</summary>
    public double Frequency(int i, TradeFlStrategy strategy) => Organizations[i].FrequenciesHz[strategy.FrequencyLevel];

    /// <summary>T_i^(1) + T_i^(2)(d_i, f_i) + T_i^(3), with T^(2) = η_i d_i s_i / f_i (Eq. 2).</summary>
    public double TrainingSeconds(int i, double dataFraction, double frequencyHz)
    {
        var o = Organizations[i];
        return o.DownloadSeconds + (o.CyclesPerBit * dataFraction * o.DataBits / frequencyHz) + o.UploadSeconds;
    }

    /// <summary>The largest d_i meeting the deadline τ at frequency f (capped at 1; below D_min means infeasible).</summary>
    public double MaxDataFraction(int i, double frequencyHz)
    {
        var o = Organizations[i];
        double budget = Parameters.DeadlineSeconds - o.DownloadSeconds - o.UploadSeconds;
        return Math.Min(1.0, budget * frequencyHz / (o.CyclesPerBit * o.DataBits));
    }

    /// <summary>Whether a strategy satisfies C_i^(1)–C_i^(3).</summary>
    public bool IsFeasible(int i, TradeFlStrategy strategy)
    {
        var levels = Organizations[i].FrequenciesHz;
        if (strategy.FrequencyLevel < 0 || strategy.FrequencyLevel >= levels.Count)
        {
            return false;
        }

        double d = strategy.DataFraction;
        return d >= Parameters.MinDataFraction - 1e-12 && d <= 1 + 1e-12
            && TrainingSeconds(i, d, levels[strategy.FrequencyLevel]) <= Parameters.DeadlineSeconds * (1 + 1e-12);
    }

    /// <summary>Ω = Σ_i d_i·|S_i|, the samples the global model is trained on.</summary>
    public double ContributedSamples(IReadOnlyList<TradeFlStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        double total = 0;
        for (int i = 0; i < Count; i++)
        {
            total += strategies[i].DataFraction * Organizations[i].Samples;
        }

        return total;
    }

    /// <summary>E_i = κ f_i² η_i d_i s_i + E_i^comm (Eq. 8).</summary>
    public double Energy(int i, TradeFlStrategy strategy)
    {
        var o = Organizations[i];
        double f = Frequency(i, strategy);
        return (Parameters.Capacitance * f * f * o.CyclesPerBit * strategy.DataFraction * o.DataBits) + o.CommunicationEnergy;
    }

    /// <summary>d_i s_i + λ f_i, the resource amount compared in Eq. 9.</summary>
    public double Resources(int i, TradeFlStrategy strategy) =>
        (strategy.DataFraction * Organizations[i].DataBits) + (Parameters.Lambda * Frequency(i, strategy));

    /// <summary>r_{i,j} = γ ρ_{i,j} [(d_i s_i + λ f_i) − (d_j s_j + λ f_j)] (Eq. 9): what i receives from j.</summary>
    public double Redistribution(int i, int j, IReadOnlyList<TradeFlStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        return Parameters.Gamma * Competition[i, j] * (Resources(i, strategies[i]) - Resources(j, strategies[j]));
    }

    /// <summary>R_i = Σ_j r_{i,j} (Eq. 10).</summary>
    public double TotalRedistribution(int i, IReadOnlyList<TradeFlStrategy> strategies)
    {
        double total = 0;
        for (int j = 0; j < Count; j++)
        {
            total += Redistribution(i, j, strategies);
        }

        return total;
    }

    /// <summary>D_i = Σ_j ρ_{i,j} p_j [P(Ω) − P(Ω − d_i|S_i|)] (Eqs. 6–7).</summary>
    public double Damage(int i, IReadOnlyList<TradeFlStrategy> strategies)
    {
        double omega = ContributedSamples(strategies);
        double withoutI = omega - (strategies[i].DataFraction * Organizations[i].Samples);
        double contribution = Accuracy.Value(omega) - Accuracy.Value(withoutI);
        double rate = 0;
        for (int j = 0; j < Count; j++)
        {
            rate += Competition[i, j] * Organizations[j].Profitability;
        }

        return rate * contribution;
    }

    /// <summary>C_i(π_i, π_−i) = p_i P − ϖ_e E_i − D_i + R_i (Eq. 11).</summary>
    public double Payoff(int i, IReadOnlyList<TradeFlStrategy> strategies)
    {
        double revenue = Organizations[i].Profitability * Accuracy.Value(ContributedSamples(strategies));
        return revenue - (Parameters.EnergyWeight * Energy(i, strategies[i])) - Damage(i, strategies)
            + TotalRedistribution(i, strategies);
    }

    /// <summary>Σ_i C_i; the redistribution cancels (budget balance), so this is revenue − overhead − damage.</summary>
    public double SocialWelfare(IReadOnlyList<TradeFlStrategy> strategies)
    {
        double total = 0;
        for (int i = 0; i < Count; i++)
        {
            total += Payoff(i, strategies);
        }

        return total;
    }

    /// <summary>Σ_i D_i, the total coopetition damage (Fig. 9).</summary>
    public double TotalDamage(IReadOnlyList<TradeFlStrategy> strategies)
    {
        double total = 0;
        for (int i = 0; i < Count; i++)
        {
            total += Damage(i, strategies);
        }

        return total;
    }

    /// <summary>
    /// An exact weighted potential: U(π) = P(Ω) − Σ_i [ϖ_e κ f_i² η_i d_i s_i − γ ρ_i (d_i s_i + λ f_i)] / z_i,
    /// so that z_i [U(π) − U(π'_i, π_−i)] = C_i(π) − C_i(π'_i, π_−i) holds exactly (Definition 8). It differs from
    /// the printed Eq. 15 only in the redistribution term: R_i = γ ρ_i x_i − γ Σ_j ρ_ij x_j, and only the first
    /// part moves with i's own strategy, so only that part may enter the potential (see <see cref="PrintedPotential"/>).
    /// </summary>
    public double Potential(IReadOnlyList<TradeFlStrategy> strategies)
    {
        double value = Accuracy.Value(ContributedSamples(strategies));
        for (int i = 0; i < Count; i++)
        {
            double overhead = Parameters.EnergyWeight * (Energy(i, strategies[i]) - Organizations[i].CommunicationEnergy);
            double incentive = Parameters.Gamma * _competitionSums[i] * Resources(i, strategies[i]);
            value -= (overhead - incentive) / _weights[i];
        }

        return value;
    }

    /// <summary>
    /// Eq. 15 as printed: U(π) = P(Ω) − Σ_i [ϖ_e κ f_i² η_i d_i s_i / z_i − Σ_j r_{i,j} / z_i]. Kept to document that
    /// the identity of Theorem 1 fails for it whenever some ρ_{k,i} &gt; 0: r_{k,i} also moves with π_i.
    /// </summary>
    public double PrintedPotential(IReadOnlyList<TradeFlStrategy> strategies)
    {
        double value = Accuracy.Value(ContributedSamples(strategies));
        for (int i = 0; i < Count; i++)
        {
            double overhead = Parameters.EnergyWeight * (Energy(i, strategies[i]) - Organizations[i].CommunicationEnergy);
            value -= (overhead - TotalRedistribution(i, strategies)) / _weights[i];
        }

        return value;
    }

    private static void ValidateOrganization(TradeFlOrganization o, TradeFlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(o);
        string who = $"organization {o.Id}";
        Positive(o.DataBits, who, "dataBits");
        Positive(o.Samples, who, "samples");
        Positive(o.Profitability, who, "profitability");
        Positive(o.CyclesPerBit, who, "cyclesPerBit");
        NonNegative(o.DownloadSeconds, who, "downloadSeconds");
        NonNegative(o.UploadSeconds, who, "uploadSeconds");
        NonNegative(o.CommunicationEnergy, who, "communicationEnergy");
        if (o.FrequenciesHz is null || o.FrequenciesHz.Count == 0)
        {
            throw new ArgumentException($"{who}: frequenciesHz must list at least one level.");
        }

        for (int k = 0; k < o.FrequenciesHz.Count; k++)
        {
            Positive(o.FrequenciesHz[k], who, $"frequenciesHz[{k}]");
            if (k > 0 && o.FrequenciesHz[k] <= o.FrequenciesHz[k - 1])
            {
                throw new ArgumentException($"{who}: frequenciesHz must be strictly increasing.");
            }
        }

        if (o.DownloadSeconds + o.UploadSeconds >= parameters.DeadlineSeconds)
        {
            throw new ArgumentException($"{who}: downloadSeconds + uploadSeconds leave no time before the deadline τ.");
        }
    }

    private static void Positive(double value, string who, string field)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{who}: {field} must be positive and finite, got {value}.");
        }
    }

    private static void NonNegative(double value, string who, string field)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{who}: {field} must be non-negative and finite, got {value}.");
        }
    }
}

namespace CoCoGen.Mechanism.TradeFl;

/// <summary>
/// CGBD (Algorithm 1 of TradeFL): maximizes the potential U over (d, f) by generalized Benders decomposition.
/// The primal problem (19) fixes f and optimizes d exactly (<see cref="DataAllocationSolver"/>), returning the
/// multipliers u of the deadline constraints; an infeasible f yields the feasibility problem (21) and its
/// multipliers λ. The master problem (23) is solved by enumerating every f ∈ F (the paper's traversal method).
/// Each optimality cut is Geoffrion's exact support inf_d [−U(d, f) + uᵀG(d, f)] over the box d ∈ [D_min, 1]
/// (again solved exactly), because −U is not separable in d and f and the value at the primal point alone
/// would not bound the problem. With −U convex in d for every f, the method stops at the global optimum.
/// </summary>
public sealed class GeneralizedBendersSolver
{
    private readonly double _tolerance;
    private readonly int _maxIterations;

    /// <summary>Creates the solver.</summary>
    /// <param name="tolerance">ε: stop when the gap between the bounds is at most ε·max(1, |U|).</param>
    /// <param name="maxIterations">K, the iteration cap.</param>
    public GeneralizedBendersSolver(double tolerance = 1e-10, int maxIterations = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        _tolerance = tolerance;
        _maxIterations = maxIterations;
    }

    /// <summary>Runs CGBD from f⁽⁰⁾ = <paramref name="initialLevels"/>, by default the highest level of every organization.</summary>
    public TradeFlSolution Solve(TradeFlGame game, IReadOnlyList<int>? initialLevels = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        var problem = new Problem(game);
        int n = game.Count;
        var levels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int top = game.Organizations[i].FrequenciesHz.Count - 1;
            levels[i] = initialLevels is null ? top : initialLevels[i];
            if (levels[i] < 0 || levels[i] > top)
            {
                throw new ArgumentOutOfRangeException(nameof(initialLevels), $"initialLevels[{i}] = {levels[i]} is not a level of {game.Organizations[i].Id}.");
            }
        }

        var optimalityCuts = new List<(double[] Multipliers, int[] Levels)>();
        var feasibilityCuts = new List<double[]>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var trace = new List<double>();
        double best = double.NegativeInfinity;
        int[]? bestLevels = null;
        double[]? bestFractions = null;
        double upper = double.PositiveInfinity;
        int iteration = 0;
        var fractions = new double[n];
        var multipliers = new double[n];
        while (iteration < _maxIterations)
        {
            iteration++;
            visited.Add(string.Join(',', levels));
            if (problem.SolvePrimal(levels, fractions, multipliers, out double value))
            {
                optimalityCuts.Add(((double[])multipliers.Clone(), (int[])levels.Clone()));
                if (value > best)
                {
                    best = value;
                    bestLevels = (int[])levels.Clone();
                    bestFractions = (double[])fractions.Clone();
                }
            }
            else
            {
                feasibilityCuts.Add(problem.FeasibilityMultipliers(levels));
            }

            trace.Add(best);
            if (!problem.SolveMaster(optimalityCuts, feasibilityCuts, levels, out double bound))
            {
                break;
            }

            upper = Math.Min(upper, bound);
            bool closed = double.IsFinite(best) && upper - best <= _tolerance * Math.Max(1.0, Math.Abs(best));
            if (closed || visited.Contains(string.Join(',', levels)))
            {
                break;
            }
        }

        if (bestLevels is null || bestFractions is null)
        {
            throw new InvalidOperationException("No frequency profile meets every deadline: even D_min at the highest level is too slow for some organization.");
        }

        var strategies = new TradeFlStrategy[n];
        for (int i = 0; i < n; i++)
        {
            strategies[i] = new TradeFlStrategy(bestFractions[i], bestLevels[i]);
        }

        return new TradeFlSolution(strategies, game.Potential(strategies), iteration, trace, Math.Max(upper, best));
    }

    /// <summary>Precomputed per-organization, per-level coefficients of U and of the deadline constraints.</summary>
    private sealed class Problem
    {
        private readonly TradeFlGame _game;
        private readonly int _n;
        private readonly double[] _weights;
        private readonly double[][] _cost;      // c_i(f): linear coefficient of d_i in −U
        private readonly double[][] _constant;  // γ ρ_i λ f_i / z_i
        private readonly double[][] _timeSlope; // ∂G_i/∂d_i = η_i s_i / f_i
        private readonly double[][] _maxFraction;
        private readonly double[] _fixedTime;   // T1 + T3 − τ
        private readonly double[] _lower;
        private readonly double[] _upper;
        private readonly double[] _unitUpper;
        private readonly double[] _scratchCost;
        private readonly double[] _scratchFractions;
        private readonly int[] _order;

        public Problem(TradeFlGame game)
        {
            _game = game;
            _n = game.Count;
            var p = game.Parameters;
            _weights = new double[_n];
            _cost = new double[_n][];
            _constant = new double[_n][];
            _timeSlope = new double[_n][];
            _maxFraction = new double[_n][];
            _fixedTime = new double[_n];
            _lower = new double[_n];
            _upper = new double[_n];
            _unitUpper = new double[_n];
            _scratchCost = new double[_n];
            _scratchFractions = new double[_n];
            _order = new int[_n];
            for (int i = 0; i < _n; i++)
            {
                var o = game.Organizations[i];
                double z = game.PotentialWeight(i);
                _weights[i] = o.Samples;
                _fixedTime[i] = o.DownloadSeconds + o.UploadSeconds - p.DeadlineSeconds;
                _lower[i] = p.MinDataFraction;
                _unitUpper[i] = 1.0;
                int m = o.FrequenciesHz.Count;
                _cost[i] = new double[m];
                _constant[i] = new double[m];
                _timeSlope[i] = new double[m];
                _maxFraction[i] = new double[m];
                for (int l = 0; l < m; l++)
                {
                    double f = o.FrequenciesHz[l];
                    _cost[i][l] = ((p.EnergyWeight * p.Capacitance * f * f * o.CyclesPerBit * o.DataBits)
                        - (p.Gamma * game.CompetitionSum(i) * o.DataBits)) / z;
                    _constant[i][l] = p.Gamma * game.CompetitionSum(i) * p.Lambda * f / z;
                    _timeSlope[i][l] = o.CyclesPerBit * o.DataBits / f;
                    _maxFraction[i][l] = game.MaxDataFraction(i, f);
                }
            }
        }

        /// <summary>Primal problem (19): returns false when some deadline cannot be met at D_min.</summary>
        public bool SolvePrimal(int[] levels, double[] fractions, double[] multipliers, out double value)
        {
            double constant = 0;
            for (int i = 0; i < _n; i++)
            {
                int l = levels[i];
                if (_maxFraction[i][l] < _lower[i])
                {
                    value = double.NegativeInfinity;
                    return false;
                }

                _upper[i] = _maxFraction[i][l];
                _scratchCost[i] = _cost[i][l];
                constant += _constant[i][l];
            }

            var accuracy = _game.Accuracy;
            double omega = DataAllocationSolver.Solve(accuracy, 1.0, 0.0, _weights, _scratchCost, _lower, _upper, fractions, _order);
            value = accuracy.Value(omega) + constant;
            double slopeOfP = accuracy.Derivative(omega);
            for (int i = 0; i < _n; i++)
            {
                value -= _scratchCost[i] * fractions[i];
                double gain = (_weights[i] * slopeOfP) - _scratchCost[i];
                bool deadlineBinds = _upper[i] < 1.0 && fractions[i] >= _upper[i];
                multipliers[i] = deadlineBinds && gain > 0 ? gain / _timeSlope[i][levels[i]] : 0.0;
            }

            return true;
        }

        /// <summary>Multipliers λ of the feasibility problem (21): weight on the most violated deadlines.</summary>
        public double[] FeasibilityMultipliers(int[] levels)
        {
            var lambda = new double[_n];
            double worst = double.NegativeInfinity;
            for (int i = 0; i < _n; i++)
            {
                worst = Math.Max(worst, Violation(i, levels[i]));
            }

            int count = 0;
            for (int i = 0; i < _n; i++)
            {
                if (Violation(i, levels[i]) >= worst - 1e-12)
                {
                    lambda[i] = 1;
                    count++;
                }
            }

            for (int i = 0; i < _n; i++)
            {
                lambda[i] /= count;
            }

            return lambda;
        }

        /// <summary>Master problem (23) by enumeration; writes the minimizing f and returns the bound on max U.</summary>
        public bool SolveMaster(
            List<(double[] Multipliers, int[] Levels)> optimalityCuts,
            List<double[]> feasibilityCuts,
            int[] levels,
            out double upperBoundOnPotential)
        {
            var current = new int[_n];
            double bestPhi = double.PositiveInfinity;
            bool found = false;
            do
            {
                if (!SatisfiesFeasibilityCuts(feasibilityCuts, current))
                {
                    continue;
                }

                double phi = double.NegativeInfinity;
                foreach (var cut in optimalityCuts)
                {
                    phi = Math.Max(phi, CutValue(cut.Multipliers, current));
                    if (phi >= bestPhi)
                    {
                        break;
                    }
                }

                if (!found || phi < bestPhi)
                {
                    bestPhi = phi;
                    Array.Copy(current, levels, _n);
                    found = true;
                }
            }
            while (Next(current));

            upperBoundOnPotential = -bestPhi;
            return found;
        }

        private double Violation(int i, int level) => _fixedTime[i] + (_timeSlope[i][level] * _lower[i]);

        private bool SatisfiesFeasibilityCuts(List<double[]> cuts, int[] levels)
        {
            foreach (var lambda in cuts)
            {
                double total = 0;
                for (int i = 0; i < _n; i++)
                {
                    total += lambda[i] * Violation(i, levels[i]);
                }

                if (total > 1e-12)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>inf over d ∈ [D_min, 1]ⁿ of −U(d, f) + uᵀG(d, f).</summary>
        private double CutValue(double[] multipliers, int[] levels)
        {
            double constant = 0;
            for (int i = 0; i < _n; i++)
            {
                int l = levels[i];
                _scratchCost[i] = _cost[i][l] + (multipliers[i] * _timeSlope[i][l]);
                constant += _constant[i][l] - (multipliers[i] * _fixedTime[i]);
            }

            double omega = DataAllocationSolver.Solve(
                _game.Accuracy, 1.0, 0.0, _weights, _scratchCost, _lower, _unitUpper, _scratchFractions, _order);
            double sup = _game.Accuracy.Value(omega) + constant;
            for (int i = 0; i < _n; i++)
            {
                sup -= _scratchCost[i] * _scratchFractions[i];
            }

            return -sup;
        }

        private bool Next(int[] levels)
        {
            for (int i = 0; i < _n; i++)
            {
                levels[i]++;
                if (levels[i] < _cost[i].Length)
                {
                    return true;
                }

                levels[i] = 0;
            }

            return false;
        }
    }
}

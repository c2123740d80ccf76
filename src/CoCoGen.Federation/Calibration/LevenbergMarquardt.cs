namespace CoCoGen.Federation.Calibration;

/// <summary>
/// Levenberg–Marquardt least squares for small models (a handful of parameters): minimises
/// Σ (model(x_k; θ) − y_k)² with a forward-difference Jacobian, damping adapted per step, and an
/// optional projection keeping θ feasible.
/// </summary>
public static class LevenbergMarquardt
{
    /// <summary>Fits θ starting from <paramref name="initial"/>; returns θ and the final sum of squared residuals.</summary>
    /// <param name="model">Model value at x for parameters θ.</param>
    /// <param name="x">Inputs.</param>
    /// <param name="y">Observed outputs (same length as <paramref name="x"/>).</param>
    /// <param name="initial">Starting parameters.</param>
    /// <param name="project">Maps a trial θ into the feasible set (in place); null: unconstrained.</param>
    /// <param name="maxIterations">Iteration cap.</param>
    public static (double[] Parameters, double SumOfSquares) Fit(
        Func<double, ReadOnlySpan<double>, double> model,
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        ReadOnlySpan<double> initial,
        Action<double[]>? project = null,
        int maxIterations = 500)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"{x.Length} inputs but {y.Length} observations", nameof(y));
        }

        var m = x.Length;
        var p = initial.Length;
        if (m < p)
        {
            throw new ArgumentException($"{m} observations cannot determine {p} parameters", nameof(x));
        }

        var theta = initial.ToArray();
        project?.Invoke(theta);
        var residuals = new double[m];
        var jacobian = new double[m * p];
        var normal = new double[p * p];
        var gradient = new double[p];
        var step = new double[p];
        var trial = new double[p];
        var lambda = 1e-3;
        var cost = Residuals(model, x, y, theta, residuals);

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            for (var j = 0; j < p; j++)
            {
                var h = 1e-7 * Math.Max(1, Math.Abs(theta[j]));
                theta.CopyTo(trial, 0);
                trial[j] += h;
                for (var k = 0; k < m; k++)
                {
                    jacobian[(k * p) + j] = (model(x[k], trial) - (y[k] + residuals[k])) / h;
                }
            }

            Array.Clear(normal);
            Array.Clear(gradient);
            for (var k = 0; k < m; k++)
            {
                for (var a = 0; a < p; a++)
                {
                    gradient[a] += jacobian[(k * p) + a] * residuals[k];
                    for (var b = 0; b < p; b++)
                    {
                        normal[(a * p) + b] += jacobian[(k * p) + a] * jacobian[(k * p) + b];
                    }
                }
            }

            var improved = false;
            while (lambda < 1e12)
            {
                var damped = (double[])normal.Clone();
                for (var a = 0; a < p; a++)
                {
                    damped[(a * p) + a] += lambda * Math.Max(normal[(a * p) + a], 1e-12);
                    step[a] = -gradient[a];
                }

                if (Solve(damped, step, p))
                {
                    for (var a = 0; a < p; a++)
                    {
                        trial[a] = theta[a] + step[a];
                    }

                    project?.Invoke(trial);
                    var trialResiduals = new double[m];
                    var trialCost = Residuals(model, x, y, trial, trialResiduals);
                    if (double.IsFinite(trialCost) && trialCost < cost)
                    {
                        var converged = cost - trialCost <= 1e-15 * Math.Max(1, cost);
                        trial.CopyTo(theta, 0);
                        trialResiduals.CopyTo(residuals, 0);
                        cost = trialCost;
                        lambda = Math.Max(lambda / 10, 1e-12);
                        improved = !converged;
                        break;
                    }
                }

                lambda *= 10;
            }

            if (!improved)
            {
                break;
            }
        }

        return (theta, cost);
    }

    private static double Residuals(Func<double, ReadOnlySpan<double>, double> model, ReadOnlySpan<double> x, ReadOnlySpan<double> y, double[] theta, double[] residuals)
    {
        var sum = 0.0;
        for (var k = 0; k < x.Length; k++)
        {
            residuals[k] = model(x[k], theta) - y[k];
            sum += residuals[k] * residuals[k];
        }

        return sum;
    }

    // Gaussian elimination with partial pivoting on a p×p system; false when singular.
    private static bool Solve(double[] matrix, double[] rhs, int p)
    {
        for (var col = 0; col < p; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < p; row++)
            {
                if (Math.Abs(matrix[(row * p) + col]) > Math.Abs(matrix[(pivot * p) + col]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(matrix[(pivot * p) + col]) < 1e-300)
            {
                return false;
            }

            if (pivot != col)
            {
                for (var k = 0; k < p; k++)
                {
                    (matrix[(col * p) + k], matrix[(pivot * p) + k]) = (matrix[(pivot * p) + k], matrix[(col * p) + k]);
                }

                (rhs[col], rhs[pivot]) = (rhs[pivot], rhs[col]);
            }

            for (var row = col + 1; row < p; row++)
            {
                var factor = matrix[(row * p) + col] / matrix[(col * p) + col];
                for (var k = col; k < p; k++)
                {
                    matrix[(row * p) + k] -= factor * matrix[(col * p) + k];
                }

                rhs[row] -= factor * rhs[col];
            }
        }

        for (var row = p - 1; row >= 0; row--)
        {
            var sum = rhs[row];
            for (var k = row + 1; k < p; k++)
            {
                sum -= matrix[(row * p) + k] * rhs[k];
            }

            rhs[row] = sum / matrix[(row * p) + row];
        }

        return true;
    }
}

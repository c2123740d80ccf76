using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Layers;

/// <summary>
/// Central finite differences of L(x, θ) = Σ r ⊙ layer(x) (r a fixed random projection) against the
/// analytic input and parameter gradients from Backward. Sums are taken in double.
/// </summary>
internal static class GradientCheck
{
    public static void Run(Layer layer, int[] inputShape, ulong seed, float epsilon = 5e-3f, double tolerance = 1e-2, float inputMagnitude = 1, float kinkGap = 0)
    {
        var random = new RandomSource(seed);
        var x = new Tensor(inputShape);
        random.FillUniform(x.Span, -inputMagnitude, inputMagnitude);
        if (kinkGap > 0)
        {
            // Keep inputs away from the kinks at 0 (and ±3, 6) so a finite step never crosses one.
            Span<float> values = x.Span;
            for (int i = 0; i < values.Length; i++)
            {
                float v = values[i];
                values[i] = v + (MathF.Sign(v) * kinkGap);
            }
        }

        Tensor y = layer.Forward(x);
        var projection = new Tensor(y.Shape.ToArray());
        random.FillUniform(projection.Span, -1, 1);
        layer.ZeroGradients();
        Tensor inputGradient = layer.Backward(projection).Clone();
        var parameterGradients = layer.Parameters().Select(p => p.Gradient.Clone()).ToList();

        double Loss()
        {
            Tensor output = layer.Forward(x);
            double sum = 0;
            for (int i = 0; i < output.Length; i++)
            {
                sum += (double)output[i] * projection[i];
            }

            return sum;
        }

        Compare("input", x, inputGradient, Loss, epsilon, tolerance, random);
        int index = 0;
        foreach (Parameter parameter in layer.Parameters())
        {
            Compare($"parameter {parameter.Name}", parameter.Value, parameterGradients[index++], Loss, epsilon, tolerance, random);
        }
    }

    public static void Compare(string what, Tensor values, Tensor analytic, Func<double> loss, float epsilon, double tolerance, RandomSource random)
    {
        int checks = Math.Min(values.Length, 48);
        for (int c = 0; c < checks; c++)
        {
            int i = values.Length <= 48 ? c : random.NextInt(values.Length);
            float saved = values[i];
            values[i] = saved + epsilon;
            double plus = loss();
            values[i] = saved - epsilon;
            double minus = loss();
            values[i] = saved;
            double numeric = (plus - minus) / (2 * epsilon);
            double error = Math.Abs(numeric - analytic[i]);
            Assert.True(
                error <= tolerance * Math.Max(1, Math.Abs(numeric)),
                $"{what}[{i}]: analytic {analytic[i]}, numeric {numeric}");
        }
    }
}

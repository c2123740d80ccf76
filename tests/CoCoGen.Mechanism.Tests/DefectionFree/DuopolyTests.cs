namespace CoCoGen.Mechanism.Tests.DefectionFree;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.DefectionFree;

public class DuopolyTests
{
    [Fact]
    public void Lemma2PricesAndRevenuesMatchHandComputedValues()
    {
        var (pl, ph) = Duopoly.EquilibriumPrices(0.5, 1.0);
        Assert.Equal(0.25 / 3.5, pl, 14);
        Assert.Equal(1.0 / 3.5, ph, 14);
        Assert.Equal(0.25 / 12.25, Duopoly.LowRevenue(0.5, 1.0), 14);
        Assert.Equal(2.0 / 12.25, Duopoly.HighRevenue(0.5, 1.0), 14);
        var (dl, dh) = Duopoly.Demands(0.5, 1.0, pl, ph);
        Assert.Equal(Duopoly.LowRevenue(0.5, 1.0), pl * dl, 14);
        Assert.Equal(Duopoly.HighRevenue(0.5, 1.0), ph * dh, 14);
    }

    [Fact]
    public void Lemma1DemandsAreTheSharesOfConsumerTypesChoosingEachModel()
    {
        const double ql = 0.4;
        const double qh = 0.9;
        const double pl = 0.05;
        const double ph = 0.2;
        const int types = 1_000_000;
        int low = 0;
        int high = 0;
        for (int k = 0; k < types; k++)
        {
            double theta = (k + 0.5) / types; // Definition 1 for θ uniform on [0, 1]
            double buyLow = (theta * ql) - pl;
            double buyHigh = (theta * qh) - ph;
            if (buyHigh >= buyLow && buyHigh >= 0)
            {
                high++;
            }
            else if (buyLow >= 0)
            {
                low++;
            }
        }

        var (dl, dh) = Duopoly.Demands(ql, qh, pl, ph);
        Assert.Equal(dl, (double)low / types, 5);
        Assert.Equal(dh, (double)high / types, 5);
    }

    [Fact]
    public void Lemma2PricesAreMutualBestResponses()
    {
        foreach (var (ql, qh) in new[] { (0.2, 0.9), (0.5, 0.6), (0.05, 0.3) })
        {
            var (pl, ph) = Duopoly.EquilibriumPrices(ql, qh);
            double lowBest = pl * Duopoly.Demands(ql, qh, pl, ph).Low;
            double highBest = ph * Duopoly.Demands(ql, qh, pl, ph).High;
            for (int k = 0; k <= 1000; k++)
            {
                double p = ph * k / 1000.0;
                Assert.True(p * Duopoly.Demands(ql, qh, p, ph).Low <= lowBest + 1e-15);
                double q = pl + ((qh - ql) * k / 1000.0);
                Assert.True(q * Duopoly.Demands(ql, qh, pl, q).High <= highBest + 1e-15);
            }
        }
    }

    [Fact]
    public void Proposition1SignsHold()
    {
        const double h = 1e-7;
        for (double qh = 0.2; qh <= 0.95; qh += 0.05)
        {
            for (double ql = 0.02; ql < qh - 2 * h; ql += 0.03)
            {
                Assert.True(Duopoly.HighRevenue(ql, qh + h) >= Duopoly.HighRevenue(ql, qh));
                Assert.True(Duopoly.HighRevenue(ql + h, qh) <= Duopoly.HighRevenue(ql, qh));
                Assert.True(Duopoly.LowRevenue(ql, qh + h) >= Duopoly.LowRevenue(ql, qh));
                double slope = Duopoly.LowRevenue(ql + h, qh) - Duopoly.LowRevenue(ql, qh);
                Assert.True(ql + h <= 4 * qh / 7 ? slope >= 0 : slope <= 1e-18);
            }
        }
    }

    [Fact]
    public void BRuleIsTheHighFirmsBreakEvenAndNeverBelowTheRatio()
    {
        for (double a = 0.0; a < 0.95; a += 0.05)
        {
            Assert.Equal(a, RevenueSafeBound.B(a, 1.0), 12);
            for (double b = 1.0; b <= 1.5; b += 0.01)
            {
                Assert.True(RevenueSafeBound.B(a, b) >= a - 1e-12, $"Lemma 4 fails at a={a}, b={b}");
            }
        }

        // q̂ is exactly where the high-quality firm's revenue returns to its previous level.
        double previousLow = 0.2;
        double previousHigh = 0.55;
        double high = 0.56;
        double cap = RevenueSafeBound.LowQualityCap(previousLow, previousHigh, high);
        Assert.Equal(Duopoly.HighRevenue(previousLow, previousHigh), Duopoly.HighRevenue(cap, high), 12);
        Assert.True(Duopoly.LowRevenue(cap, high) > Duopoly.LowRevenue(previousLow, previousHigh));
    }

    [Theory]
    [InlineData(0.65)]
    [InlineData(0.79)]
    [InlineData(0.93)]
    public void NashBargainingStaysInsideTheDomainWhenTheGridRoundsAboveTheMaximalQuality(double maximal)
    {
        // maximal / 20000 · 20000 rounds above maximal for each of these values; the search must not step outside [q_l, q_h*].
        double qlStar = NashBargaining.SolveLowQuality(maximal, 0.3, 0.5);
        Assert.InRange(qlStar, 0, maximal);
        Assert.True(NashBargaining.Objective(qlStar, maximal, 0.3, 0.5) > 0);
    }

    [Fact]
    public void NashBargainingSolutionMaximizesTheProductAndSatisfiesLemma5()
    {
        foreach (var (ql0, qh0) in new[] { (0.2, 0.55), (0.1, 0.3), (0.3, 0.9), (0.05, 0.8) })
        {
            double qlStar = NashBargaining.SolveLowQuality(1.0, ql0, qh0);
            double best = NashBargaining.Objective(qlStar, 1.0, ql0, qh0);
            for (int k = 1; k < 1000; k++)
            {
                double q = k / 1000.0;
                double gainLow = Duopoly.LowRevenue(q, 1.0) - Duopoly.LowRevenue(ql0, qh0);
                double gainHigh = Duopoly.HighRevenue(q, 1.0) - Duopoly.HighRevenue(ql0, qh0);
                if (gainLow >= 0 && gainHigh >= 0)
                {
                    Assert.True(gainLow * gainHigh <= best + 1e-15);
                }
            }

            if (ql0 / qh0 <= qlStar)
            {
                Assert.True(qlStar <= 0.43, $"ρ* = {qlStar} for start ({ql0}, {qh0})");
            }
        }
    }
}

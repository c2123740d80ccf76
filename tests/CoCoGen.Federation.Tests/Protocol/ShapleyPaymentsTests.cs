using CoCoGen.Federation.Protocol;

namespace CoCoGen.Federation.Tests.Protocol;

public sealed class ShapleyPaymentsTests
{
    [Fact]
    public void Pays_Each_Member_Its_Scaled_Shapley_Value_Less_Its_Gain()
    {
        // By hand: n = 3, φ = (0.25, 0.125, −0.0625) (exact binary fractions), gain = Σφ = 0.3125,
        // p = 3φ − gain = (0.4375, 0.0625, −0.5).
        double[] payments = new double[3];
        ShapleyPayments.Compute([0.25, 0.125, -0.0625], payments);
        Assert.Equal([0.4375, 0.0625, -0.5], payments);
        Assert.Equal(0, payments.Sum());
    }

    [Fact]
    public void A_Free_Rider_Pays_Exactly_What_It_Gained()
    {
        // φ = (0.5, 0.25, 0): the third member added nothing and pays the whole round's gain 0.75.
        double[] payments = new double[3];
        ShapleyPayments.Compute([0.5, 0.25, 0], payments);
        Assert.Equal(-0.75, payments[2]);
        Assert.Equal([0.75, 0], payments[..2]);
    }

    [Fact]
    public void Equal_Contributions_Pay_Nothing()
    {
        double[] payments = new double[4];
        ShapleyPayments.Compute([0.1, 0.1, 0.1, 0.1], payments);
        Assert.All(payments, p => Assert.Equal(0, p, 15));
    }

    [Fact]
    public void Refuses_A_Value_That_Is_Not_Finite_Naming_Its_Index()
    {
        var error = Assert.Throws<ArgumentException>(() => ShapleyPayments.Compute([0.1, double.NaN], new double[2]));
        Assert.Contains("shapley[1]", error.Message, StringComparison.Ordinal);
    }
}

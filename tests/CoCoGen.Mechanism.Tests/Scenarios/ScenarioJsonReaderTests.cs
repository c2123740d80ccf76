using System.Text.Json.Nodes;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Tests.Vectors;

namespace CoCoGen.Mechanism.Tests.Scenarios;

public class ScenarioJsonReaderTests
{
    private static JsonObject Vector() =>
        JsonNode.Parse(File.ReadAllText(VectorFiles.Path("separable-performance-4.json")))!.AsObject();

    private static string Reject(JsonObject json, ScenarioLoadOptions? options = null) =>
        Assert.Throws<ScenarioValidationException>(() => ScenarioJsonReader.Read(json.ToJsonString(), options)).Message;

    [Fact]
    public void Reads_the_vector_with_normalised_intensities_and_data_share_weights()
    {
        Scenario scenario = ScenarioJsonReader.Read(Vector().ToJsonString());
        Assert.Equal(4, scenario.Count);
        Assert.Equal("org3", scenario.Ids[2]);
        Assert.Equal(0.566 / 3, scenario.Competition.Normalised(0, 1), 15);
        Assert.Equal(7998.0 / (7998 + 6718 + 6319 + 2965), scenario.LossWeights[0], 15);
        double k0 = ((0.566 * (1177.4 - 436.35)) + (0.495 * (961.4 - 436.35)) + (0.513 * (872.7 - 436.35))) / 3;
        Assert.Equal(k0, scenario.CompetitionPressure[0], 9);
    }

    [Fact]
    public void Unknown_top_level_field_is_named()
    {
        JsonObject json = Vector();
        json["gama"] = 1.0;
        Assert.Contains("gama: unknown field", Reject(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_organization_field_names_the_organization()
    {
        JsonObject json = Vector();
        json["organizations"]![1]!["budget"] = 3;
        Assert.Contains("organizations[1] (id \"org2\").budget: unknown field", Reject(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Asymmetric_competition_names_both_organizations()
    {
        JsonObject json = Vector();
        json["competition"]![0]![2] = 0.9;
        string message = Reject(json);
        Assert.Contains("competition[0][2] (between \"org1\" and \"org3\")", message, StringComparison.Ordinal);
        Assert.Contains("symmetric", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_competition_is_rejected()
    {
        JsonObject json = Vector();
        json["competition"]![1]![3] = 1.5;
        json["competition"]![3]![1] = 1.5;
        Assert.Contains("must lie in [0, 1]", Reject(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Non_zero_diagonal_is_rejected()
    {
        JsonObject json = Vector();
        json["competition"]![2]![2] = 0.1;
        Assert.Contains("diagonal must be 0", Reject(json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localSamples", 0.0)]
    [InlineData("localSamples", -5.0)]
    [InlineData("maxSynthetic", 0.0)]
    [InlineData("frequencyHz", -1.0)]
    [InlineData("valuation", 0.0)]
    public void Non_positive_counts_and_rates_name_field_and_organization(string field, double value)
    {
        JsonObject json = Vector();
        json["organizations"]![3]![field] = value;
        string message = Reject(json);
        Assert.Contains($"organizations[3] (id \"org4\").{field} must be positive", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overflowing_number_is_rejected_as_non_finite()
    {
        JsonObject json = Vector();
        json["xi"] = JsonNode.Parse("1e999");
        string message = Reject(json);
        Assert.Contains("xi must be a finite number", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_as_string_is_rejected()
    {
        JsonObject json = Vector();
        json["organizations"]![0]!["lossCurve"]!["a"] = "NaN";
        Assert.Contains("organizations[0] (id \"org1\").lossCurve.a must be a number", Reject(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Loss_exponent_outside_unit_interval_is_rejected()
    {
        JsonObject json = Vector();
        json["organizations"]![2]!["lossCurve"]!["b"] = 1.2;
        Assert.Contains("organizations[2] (id \"org3\").lossCurve.b must lie in (0, 1)", Reject(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Gamma_above_remark_1_names_the_binding_organization_unless_exploring_remark_2()
    {
        JsonObject json = Vector();
        json["gamma"] = 900.0;
        string message = Reject(json);
        Assert.Contains("gamma = 900 exceeds organizations[3] (id \"org4\").rivalRate = 872.7", message, StringComparison.Ordinal);

        Scenario explored = ScenarioJsonReader.Read(json.ToJsonString(), new ScenarioLoadOptions(ExploreRemark2: true));
        Assert.Equal(["org4"], explored.Remark2Exits().Select(i => explored.Ids[i]));
    }

    [Fact]
    public void Wrong_enum_value_is_named()
    {
        JsonObject json = Vector();
        json["globalLoss"] = "mean";
        Assert.Contains("globalLoss must be \"separable\" or \"fedavg\"", Reject(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_field_is_named()
    {
        JsonObject json = Vector();
        json.Remove("L0");
        Assert.Contains("L0 is required", Reject(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        JsonObject json = Vector();
        json["organizations"]![2]!["id"] = "org1";
        Assert.Contains("organizations[2] (id \"org1\").id duplicates", Reject(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_weights_must_sum_to_one()
    {
        JsonObject json = Vector();
        json["weights"] = new JsonArray(0.5, 0.5, 0.5, 0.5);
        Assert.Contains("weights: explicit weights must sum to 1", Reject(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_validation_error()
    {
        string message = Assert.Throws<ScenarioValidationException>(() => ScenarioJsonReader.Read("{ \"xi\": ")).Message;
        Assert.Contains("not valid JSON", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_example_loads_with_its_loss_curve_table()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Examples", "fashion-mnist-10.json");
        Scenario scenario = ScenarioJsonReader.ReadFile(path);
        Assert.Equal(10, scenario.Count);
        Assert.NotNull(scenario.LossCurveTable);
        Assert.Contains("illustrative", scenario.LossCurveTable!.Source, StringComparison.Ordinal);
        Assert.Equal([0.1, 0.5, 1.0], scenario.LossCurveTable.Entries.Select(e => e.Alpha));
    }
}

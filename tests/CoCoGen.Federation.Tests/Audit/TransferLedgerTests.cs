using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Tests.Audit;

public class TransferLedgerTests
{
    [Fact]
    public void Received_paid_and_bond_accumulate_round_by_round_per_organization()
    {
        // Round 1: +30, −10, −20; round 2: −5, no transfer recorded, +5; round 3: +7, −7, 0.
        RoundRecord[] rounds = [Round(1, "30", "-10", "-20"), Round(2, "-5", null, "5"), Round(3, "7", "-7", "0")];

        var entries = TransferLedger.Of(rounds, [1000, 2000, 3000]);

        Assert.Equal(9, entries.Count);
        Assert.Equal(new LedgerEntry(1, 0, 30, 30, 0, 1030), entries[0]);
        Assert.Equal(new LedgerEntry(2, 0, -5, 30, 5, 1025), entries[3]);
        Assert.Equal(new LedgerEntry(2, 1, null, 0, 10, 1990), entries[4]);
        Assert.Equal(new LedgerEntry(3, 0, 7, 37, 5, 1032), entries[6]);
        Assert.Equal(new LedgerEntry(3, 1, -7, 0, 17, 1983), entries[7]);
        Assert.Equal(new LedgerEntry(3, 2, 0, 5, 20, 2985), entries[8]);
    }

    [Fact]
    public void Without_deposits_there_is_no_bond_and_a_malformed_transfer_names_round_and_organization()
    {
        Assert.All(TransferLedger.Of([Round(1, "1", "-1", "0")], null), e => Assert.Null(e.BondWei));
        var error = Assert.Throws<InvalidDataException>(() => TransferLedger.Of([Round(1, "1", "1e3", "0")], null));
        Assert.Equal("round 1, org2: chainNetWei '1e3' is not an integer", error.Message);
    }

    // A line of rounds.jsonl with only what the ledger reads, through the run's own JSON settings.
    private static RoundRecord Round(int round, params string?[] transfers) => new JsonObject
    {
        ["round"] = round,
        ["mechanism"] = "fixed",
        ["guidance"] = new JsonArray(),
        ["utilities"] = new JsonArray(),
        ["socialWelfare"] = 0,
        ["predictedGlobalLoss"] = 0,
        ["testLoss"] = 0,
        ["testAccuracy"] = 0,
        ["modelHash"] = "0x00",
        ["timings"] = new JsonObject(),
        ["organizations"] = new JsonArray(transfers.Select((wei, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"org{i + 1}",
            ["address"] = $"0x{i + 1:x40}",
            ["outcome"] = "accepted",
            ["contributionWad"] = "0",
            ["chainNetWei"] = wei,
        }).ToArray()),
    }.Deserialize<RoundRecord>(RunJson.Options)!;
}

using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Tests.Audit;

public class AuditReportTests
{
    private static readonly AuditReport Settled = new()
    {
        ChainId = 31337,
        Contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3",
        Blocks = new AuditedBlocks(3, 40, 41),
        RoundsChecked = 2,
        Checks =
        [
            new AuditCheck(AuditCheckNames.RoundStatus, 1, null, true, "round 1: Settled on chain"),
            new AuditCheck(AuditCheckNames.TransferEvent, 1, "org1", true, "round 1, org1: PayoffTransferred 5 wei, as recorded"),
        ],
        NotChecked = ["that the organizations' data is what they declared"],
    };

    [Fact]
    public void Checks_made_elsewhere_are_appended_and_a_failed_one_is_a_violation()
    {
        Assert.True(Settled.Passed);
        Assert.Empty(Settled.Violations);
        Assert.Equal("passed: 2 rounds, 2 checks, 0 violations", Settled.Summary());

        var recomputed = Settled.With(
            [new AuditCheck("recompute-x", 2, "org3", false, "round 2, org3: x recomputed 0.0125, recorded 0.0200")],
            ["that the organizations' data is what they declared", "the validation pool's provenance"]);

        Assert.False(recomputed.Passed);
        Assert.Equal("FAILED: 2 rounds, 3 checks, 1 violations", recomputed.Summary());
        Assert.Equal(["round 2, org3: x recomputed 0.0125, recorded 0.0200"], recomputed.Violations);
        Assert.Equal(3, recomputed.Checks.Count);
        Assert.Equal("recompute-x", recomputed.Checks[^1].Name);
        Assert.Equal(["that the organizations' data is what they declared", "the validation pool's provenance"], recomputed.NotChecked);
        Assert.True(Settled.Passed);
    }

    [Fact]
    public void An_audit_of_no_round_does_not_pass_even_with_no_failed_check()
    {
        Assert.False((Settled with { RoundsChecked = 0 }).Passed);
    }

    [Fact]
    public void Audit_json_lists_each_check_and_the_derived_verdict_and_reads_back()
    {
        var file = Path.Combine(Path.GetTempPath(), "cocogen-audit-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var failed = Settled.With([new AuditCheck(AuditCheckNames.Bond, null, "org2", false, "member 1: bond 1 wei, deposits plus transfers 2 wei")], []);
            RunDirectory.WriteJson(file, failed);
            var text = File.ReadAllText(file);
            Assert.Contains("\"violations\": [\n    \"member 1: bond 1 wei, deposits plus transfers 2 wei\"\n  ]", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Contains("\"passed\": false", text, StringComparison.Ordinal);
            Assert.Contains("\"head\": 41", text, StringComparison.Ordinal);

            var read = RunDirectory.ReadJson<AuditReport>(file);
            Assert.Equal(failed.Checks, read.Checks);
            Assert.Equal(failed.NotChecked, read.NotChecked);
            Assert.Equal(failed.Blocks, read.Blocks);
            Assert.False(read.Passed);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

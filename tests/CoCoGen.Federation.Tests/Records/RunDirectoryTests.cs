using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Tests.Records;

public sealed class RunDirectoryTests : IDisposable
{
    private readonly RunDirectory _run = new(Path.Combine(Path.GetTempPath(), "cocogen-rundir-" + Guid.NewGuid().ToString("N")));

    public RunDirectoryTests() => _run.Create(resume: false);

    [Fact]
    public void Weights_written_without_their_checkpoint_record_are_not_loaded()
    {
        var saved = _run.SaveCheckpoint(Checkpoint(generatorSteps: 1), Weights(1f), Weights(2f));

        // A crash after the next step's weights were written but before its record: the files are there, the record is not.
        var next = new ModelWeights([9f, 9f, 9f]);
        File.WriteAllBytes(Path.Combine(_run.Path, "checkpoint", "generator-ffffffffffffffff.bin"), next.ToBytes());
        File.WriteAllBytes(Path.Combine(_run.Path, "checkpoint", "global-ffffffffffffffff.bin"), next.ToBytes());

        var (checkpoint, global, generator) = _run.LoadCheckpoint();
        Assert.Equal(1, checkpoint.GeneratorSteps);
        Assert.Equal(saved.GlobalWeights, checkpoint.GlobalWeights);
        Assert.Equal([1f, 1f, 1f], global.Values.ToArray());
        Assert.Equal([2f, 2f, 2f], generator.Values.ToArray());
    }

    [Fact]
    public void A_checkpoint_without_a_generator_keeps_the_one_it_had_and_stale_files_go()
    {
        var first = _run.SaveCheckpoint(Checkpoint(generatorSteps: 1), Weights(1f), Weights(2f));
        var second = _run.SaveCheckpoint(first with { SettledRound = 1 }, Weights(3f), generator: null);

        var (_, global, generator) = _run.LoadCheckpoint();
        Assert.Equal([3f, 3f, 3f], global.Values.ToArray());
        Assert.Equal([2f, 2f, 2f], generator.Values.ToArray());
        Assert.Equal(
            new[] { second.GeneratorWeights, second.GlobalWeights }.Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(Path.Combine(_run.Path, "checkpoint"), "*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_checkpoint_naming_missing_weights_is_refused_with_the_file_named()
    {
        var saved = _run.SaveCheckpoint(Checkpoint(generatorSteps: 1), Weights(1f), Weights(2f));
        File.Delete(Path.Combine(_run.Path, "checkpoint", saved.GeneratorWeights!));

        var failure = Assert.Throws<InvalidDataException>(() => _run.LoadCheckpoint());
        Assert.Contains(saved.GeneratorWeights!, failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_run.Path, recursive: true);

    private static ModelWeights Weights(float value) => new([value, value, value]);

    private static RunCheckpoint Checkpoint(int generatorSteps) => new()
    {
        GeneratorSteps = generatorSteps,
        SettledRound = 0,
        ChainId = 31337,
        Contract = ChainAddress.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3"),
        Organizations = [],
        ModelHash = "0x00",
    };
}

using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.Tests.Training;

/// <summary>
/// Learning:Model's map: the engine model every process trains and the canonical form the meter scores must agree on
/// every tensor's name, shape and place, because weights travel as one flat vector in the engine's order and the
/// meter cuts it up by the canonical StateLayout.
/// </summary>
public sealed class ClassifierModelTests
{
    public static TheoryData<string, string> ModelsAndCorpora()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in ClassifierModel.Names)
        {
            foreach (var corpus in ImageCorpus.Names)
            {
                data.Add(model, corpus);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelsAndCorpora))]
    public void The_canonical_layout_is_the_engine_models_flat_state_order(string name, string corpusName)
    {
        var model = ClassifierModel.Parse(name);
        var corpus = ImageCorpus.Parse(corpusName);

        var engine = model.Engine(corpus, new RandomSource(5)).StateTensors().Select(t => (t.Name, string.Join('x', t.Tensor.Shape.ToArray()))).ToArray();
        var canonical = model.Canonical(corpus).StateLayout.Select(t => (t.Name, string.Join('x', t.Shape))).ToArray();

        Assert.Equal(engine, canonical);
        Assert.Equal(corpus.ClassCount, model.Canonical(corpus).Classes);
        Assert.Equal(corpus.Channels, model.Canonical(corpus).InputChannels);
    }

    [Fact]
    public void Names_are_the_documented_values_and_an_unknown_name_is_named_in_the_error()
    {
        Assert.Equal(["lenet5", "mobilenetv2", "mobilenetv3-small"], ClassifierModel.Names);
        Assert.Equal("lenet5", new LearningOptions().Model);
        Assert.Contains("'resnet50'", Assert.Throws<ArgumentException>(() => ClassifierModel.Parse("resnet50")).Message, StringComparison.Ordinal);
    }
}

using System.Text;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Serialization;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Serialization;

public class SafetensorsFileTests
{
    // Built by hand from the specification: u64 LE header size, JSON header, F32 LE data.
    private static byte[] HandBuiltFile(string json, params float[] data)
    {
        byte[] header = Encoding.UTF8.GetBytes(json);
        var bytes = new List<byte>();
        bytes.AddRange(BitConverter.GetBytes((ulong)header.Length));
        bytes.AddRange(header);
        foreach (float v in data)
        {
            bytes.AddRange(BitConverter.GetBytes(v));
        }

        return [.. bytes];
    }

    [Fact]
    public void Reads_a_hand_built_file()
    {
        byte[] file = HandBuiltFile(
            """{"__metadata__":{"format":"pt"},"b":{"dtype":"F32","shape":[],"data_offsets":[24,28]},"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}}""",
            1, 2, 3, 4, 5, 6, -7.5f);
        (Dictionary<string, Tensor> tensors, Dictionary<string, string> metadata) = SafetensorsFile.Read(new MemoryStream(file));
        Assert.Equal("pt", metadata["format"]);
        Assert.Equal([2, 3], tensors["a"].Shape.ToArray());
        Assert.Equal([1f, 2, 3, 4, 5, 6], tensors["a"].Storage);
        Assert.Equal(0, tensors["b"].Rank);
        Assert.Equal(-7.5f, tensors["b"][0]);
    }

    [Fact]
    public void Writes_exactly_the_hand_built_bytes()
    {
        const string json = """{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""";
        byte[] expected = HandBuiltFile(json + new string(' ', (8 - (json.Length % 8)) % 8), 0.5f, -2);
        var stream = new MemoryStream();
        SafetensorsFile.Write(stream, [("w", Tensor.FromValues([0.5f, -2], 2))]);
        Assert.Equal(expected, stream.ToArray());
    }

    [Fact]
    public void Round_trips_a_model_through_a_file()
    {
        var model = new LeNet5(1, 28, 10, new RandomSource(1));
        var copy = new LeNet5(1, 28, 10, new RandomSource(2));
        string path = Path.Combine(Path.GetTempPath(), $"lenet-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafetensorsFile.Save(path, model, new Dictionary<string, string> { ["round"] = "3" });
            SafetensorsFile.Load(path, copy);
            Assert.Equal(
                model.StateTensors().SelectMany(s => s.Tensor.Storage),
                copy.StateTensors().SelectMany(s => s.Tensor.Storage));
            Assert.Equal(0, new FileInfo(path).Length % 4);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"a":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}""", "F16")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}""", "needs 8")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", "gap or overlap")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", "ends inside")]
    [InlineData("""[1,2]""", "not a JSON object")]
    public void Rejects_malformed_files_naming_the_problem(string json, string message)
    {
        byte[] file = HandBuiltFile(json, 1, 2);
        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(new MemoryStream(file)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

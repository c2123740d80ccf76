using CoCoGen.Learning.Backends;
using TorchSharp;

namespace CoCoGen.Learning.Torch.Tests;

public sealed class TorchLoadTests
{
    [Fact]
    public void LibTorch_loads_from_the_build_output_and_computes()
    {
        using var backend = new TorchLearningBackend("cpu", threads: 1);
        Assert.Equal("torch", backend.Name);
        Assert.Equal("cpu", backend.Device);
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var product = a.matmul(a);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, product.data<float>().ToArray());
    }

    [Fact]
    public void Cuda_without_a_cuda_libtorch_is_a_one_line_error()
    {
        Assert.False(torch.cuda.is_available(), "this test describes the CPU build; a CUDA LibTorch is present here");
        var error = Assert.Throws<LearningBackendUnavailableException>(() => new TorchLearningBackend("cuda"));
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("cuda", error.Message, StringComparison.Ordinal);
        Assert.Contains("TorchSharp-cuda-linux", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_device_is_refused_by_name()
    {
        var error = Assert.Throws<LearningBackendUnavailableException>(() => new TorchLearningBackend("tpu"));
        Assert.Contains("'tpu'", error.Message, StringComparison.Ordinal);
    }
}

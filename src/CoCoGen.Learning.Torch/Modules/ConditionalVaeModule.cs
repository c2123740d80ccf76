using TorchSharp;
using static TorchSharp.torch;

namespace CoCoGen.Learning.Torch.Modules;

/// <summary>The conditional VAE's two networks under the engine's names ("encoder.*", "decoder.*").</summary>
internal sealed class ConditionalVaeModule : nn.Module
{
    public ConditionalVaeModule(nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> decoder)
        : base(nameof(ConditionalVaeModule))
    {
        Encoder = encoder;
        Decoder = decoder;
        register_module("encoder", encoder);
        register_module("decoder", decoder);
    }

    public nn.Module<Tensor, Tensor> Encoder { get; }

    public nn.Module<Tensor, Tensor> Decoder { get; }
}

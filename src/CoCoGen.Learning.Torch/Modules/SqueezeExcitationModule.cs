using TorchSharp;
using static TorchSharp.torch;

namespace CoCoGen.Learning.Torch.Modules;

/// <summary>x · hardsigmoid(fc2(relu(fc1(avgpool(x))))) per channel, with torchvision's child names.</summary>
internal sealed class SqueezeExcitationModule : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _fc1;
    private readonly nn.Module<Tensor, Tensor> _fc2;

    public SqueezeExcitationModule(nn.Module<Tensor, Tensor> fc1, nn.Module<Tensor, Tensor> fc2)
        : base(nameof(SqueezeExcitationModule))
    {
        _fc1 = fc1;
        _fc2 = fc2;
        register_module("fc1", fc1);
        register_module("fc2", fc2);
    }

    public override Tensor forward(Tensor input)
    {
        using var scale = nn.functional.hardsigmoid(_fc2.forward(nn.functional.relu(_fc1.forward(nn.functional.adaptive_avg_pool2d(input, [1, 1])))));
        return input * scale;
    }
}

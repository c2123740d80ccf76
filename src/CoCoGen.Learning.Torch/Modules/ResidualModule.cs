using TorchSharp;
using static TorchSharp.torch;

namespace CoCoGen.Learning.Torch.Modules;

/// <summary>y = body(x) + shortcut(x), the identity when no shortcut is given; children "body" and "shortcut" as in the engine's Residual.</summary>
internal sealed class ResidualModule : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _body;
    private readonly nn.Module<Tensor, Tensor>? _shortcut;

    public ResidualModule(nn.Module<Tensor, Tensor> body, nn.Module<Tensor, Tensor>? shortcut)
        : base(nameof(ResidualModule))
    {
        _body = body;
        _shortcut = shortcut;
        register_module("body", body);
        if (shortcut is not null)
        {
            register_module("shortcut", shortcut);
        }
    }

    public override Tensor forward(Tensor input) => _body.forward(input).add_(_shortcut is null ? input : _shortcut.forward(input));
}


using TorchSharp;
using static TorchSharp.torch;
using HostTensor = CoCoGen.Learning.Tensors.Tensor;
using TorchTensor = TorchSharp.torch.Tensor;

namespace CoCoGen.Learning.Torch;

/// <summary>
/// A module's state under the engine's names, in the engine's order. Torch's state dict also holds batch norm's
/// num_batches_tracked counters, which the engine does not keep (they only matter with momentum = None); they are
/// left out of the exchanged state.
/// </summary>
internal sealed class TorchState
{
    private readonly (string Name, TorchTensor Tensor)[] _entries;
    private readonly Device _device;

    /// <summary>Pairs the module's state-dict entries with the engine's names and copies the engine's values in.</summary>
    public TorchState(nn.Module module, IEnumerable<(string Name, HostTensor Tensor)> engineState, Device device)
    {
        _device = device;
        Dictionary<string, TorchTensor> torchState = module.state_dict();
        var entries = new List<(string, TorchTensor)>();
        foreach ((string name, HostTensor host) in engineState)
        {
            if (!torchState.Remove(name, out TorchTensor? tensor))
            {
                throw new InvalidOperationException($"The torch module has no state tensor '{name}'.");
            }

            if (!tensor.shape.SequenceEqual(host.Shape.ToArray().Select(d => (long)d)))
            {
                throw new InvalidOperationException($"State tensor '{name}': torch has [{string.Join(", ", tensor.shape)}], the engine {host.ShapeText}.");
            }

            entries.Add((name, tensor));
        }

        string? extra = torchState.Keys.FirstOrDefault(k => !k.EndsWith(".num_batches_tracked", StringComparison.Ordinal));
        if (extra is not null)
        {
            throw new InvalidOperationException($"The torch module has a state tensor '{extra}' the engine lacks.");
        }

        _entries = [.. entries];
        Load(entries.Zip(engineState).ToDictionary(p => p.First.Item1, p => p.Second.Tensor));
    }

    public IReadOnlyList<(string Name, HostTensor Tensor)> Read()
    {
        var state = new (string, HostTensor)[_entries.Length];
        for (int i = 0; i < _entries.Length; i++)
        {
            (string name, TorchTensor tensor) = _entries[i];
            state[i] = (name, ToHost(tensor));
        }

        return state;
    }

    public void Load(IReadOnlyDictionary<string, HostTensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var noGrad = torch.no_grad();
        foreach ((string name, TorchTensor tensor) in _entries)
        {
            if (!state.TryGetValue(name, out HostTensor? source))
            {
                throw new KeyNotFoundException($"State has no tensor named '{name}'.");
            }

            if (!tensor.shape.SequenceEqual(source.Shape.ToArray().Select(d => (long)d)))
            {
                throw new ArgumentException($"State tensor '{name}' has shape {source.ShapeText}, the model needs [{string.Join(", ", tensor.shape)}].", nameof(state));
            }

            using TorchTensor value = ToTorch(source, _device);
            tensor.copy_(value);
        }
    }

    /// <summary>A copy of a host tensor on the device.</summary>
    public static TorchTensor ToTorch(HostTensor host, Device device)
    {
        TorchTensor cpu = torch.tensor(host.Storage, host.Shape.ToArray().Select(d => (long)d).ToArray());
        if (device.type == DeviceType.CPU)
        {
            return cpu;
        }

        using (cpu)
        {
            return cpu.to(device);
        }
    }

    /// <summary>A host copy of a torch tensor.</summary>
    public static HostTensor ToHost(TorchTensor tensor)
    {
        using TorchTensor cpu = tensor.detach().cpu().contiguous();
        var host = new HostTensor(cpu.shape.Select(d => checked((int)d)).ToArray());
        cpu.data<float>().CopyTo(host.Storage);
        return host;
    }
}

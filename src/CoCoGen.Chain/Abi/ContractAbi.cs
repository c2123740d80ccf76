using System.Text.Json;

namespace CoCoGen.Chain.Abi;

/// <summary>A contract's JSON ABI parsed into functions, events and errors, with lookups by name, topic and selector.</summary>
public sealed class ContractAbi
{
    private ContractAbi(IReadOnlyList<AbiParameter> constructorInputs, IReadOnlyList<AbiFunction> functions, IReadOnlyList<AbiEvent> events, IReadOnlyList<AbiError> errors)
    {
        ConstructorInputs = constructorInputs;
        Functions = functions;
        Events = events;
        Errors = errors;
    }

    /// <summary>Constructor arguments (empty when the contract declares none).</summary>
    public IReadOnlyList<AbiParameter> ConstructorInputs { get; }

    /// <summary>Functions in ABI order.</summary>
    public IReadOnlyList<AbiFunction> Functions { get; }

    /// <summary>Events in ABI order.</summary>
    public IReadOnlyList<AbiEvent> Events { get; }

    /// <summary>Custom errors in ABI order.</summary>
    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>Parses a JSON ABI array.</summary>
    /// <exception cref="FormatException">An entry lacks a name or type, or a type does not parse.</exception>
    public static ContractAbi Parse(JsonElement abi)
    {
        if (abi.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("A contract ABI is a JSON array.");
        }

        IReadOnlyList<AbiParameter> constructorInputs = [];
        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        foreach (var entry in abi.EnumerateArray())
        {
            var kind = entry.TryGetProperty("type", out var typeProperty) ? typeProperty.GetString() : "function";
            switch (kind)
            {
                case "constructor":
                    constructorInputs = Parameters(entry, "inputs");
                    break;
                case "function":
                    functions.Add(new AbiFunction(Name(entry), Parameters(entry, "inputs"), Parameters(entry, "outputs"),
                        entry.TryGetProperty("stateMutability", out var mutability) ? mutability.GetString() ?? "nonpayable" : "nonpayable"));
                    break;
                case "event":
                    events.Add(new AbiEvent(Name(entry), Parameters(entry, "inputs"),
                        entry.TryGetProperty("anonymous", out var anonymous) && anonymous.GetBoolean()));
                    break;
                case "error":
                    errors.Add(new AbiError(Name(entry), Parameters(entry, "inputs")));
                    break;
                default:
                    break;
            }
        }

        return new ContractAbi(constructorInputs, functions, events, errors);
    }

    /// <summary>Parses JSON text holding an ABI array.</summary>
    public static ContractAbi Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>The function with this name (the only one; overloads must be looked up by signature).</summary>
    /// <exception cref="KeyNotFoundException">No function, or several, has this name.</exception>
    public AbiFunction Function(string nameOrSignature)
    {
        var matches = Functions.Where(function => function.Name == nameOrSignature || function.Signature == nameOrSignature).ToArray();
        return matches.Length == 1 ? matches[0] : throw new KeyNotFoundException($"The ABI has {matches.Length} functions named '{nameOrSignature}'.");
    }

    /// <summary>The event with this name.</summary>
    /// <exception cref="KeyNotFoundException">No such event.</exception>
    public AbiEvent Event(string name) =>
        Events.SingleOrDefault(abiEvent => abiEvent.Name == name || abiEvent.Signature == name)
        ?? throw new KeyNotFoundException($"The ABI has no event named '{name}'.");

    /// <summary>The event whose topic is the log's first topic, if any.</summary>
    public AbiEvent? FindEvent(IReadOnlyList<byte[]> topics) => Events.FirstOrDefault(abiEvent => abiEvent.Matches(topics));

    /// <summary>The custom error whose selector starts the revert data, if any.</summary>
    public AbiError? FindError(ReadOnlySpan<byte> revertData)
    {
        foreach (var error in Errors)
        {
            if (error.Matches(revertData))
            {
                return error;
            }
        }

        return null;
    }

    private static string Name(JsonElement entry) =>
        entry.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException("An ABI entry has no name.");

    private static AbiParameter[] Parameters(JsonElement entry, string property)
    {
        if (!entry.TryGetProperty(property, out var list))
        {
            return [];
        }

        return list.EnumerateArray().Select(Parameter).ToArray();
    }

    private static AbiParameter Parameter(JsonElement parameter)
    {
        var typeName = parameter.GetProperty("type").GetString() ?? throw new FormatException("An ABI parameter has no type.");
        var components = parameter.TryGetProperty("components", out var componentList)
            ? componentList.EnumerateArray().Select(Parameter).ToArray()
            : null;
        return new AbiParameter(
            parameter.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty,
            AbiType.Parse(typeName, components),
            parameter.TryGetProperty("indexed", out var indexed) && indexed.GetBoolean(),
            parameter.TryGetProperty("internalType", out var internalType) ? internalType.GetString() : null);
    }
}

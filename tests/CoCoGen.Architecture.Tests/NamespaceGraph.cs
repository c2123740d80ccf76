using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CoCoGen.Architecture.Tests;

/// <summary>
/// Which namespace of an assembly uses which, read from its IL with Mono.Cecil: base types, interfaces, fields,
/// properties, signatures, attributes, and every type, method and field a method body touches. A nested or
/// compiler-generated type counts as its outermost declaring type's namespace.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    public IReadOnlyDictionary<string, HashSet<string>> Edges => _edges;

    /// <summary>The graph of <paramref name="assemblyPath"/>, restricted to namespaces starting with <paramref name="prefix"/>.</summary>
    public static NamespaceGraph Read(string assemblyPath, string prefix)
    {
        var graph = new NamespaceGraph();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var from = NamespaceOf(type);
            if (!from.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var targets = graph.Targets(from);
            foreach (var used in Used(type))
            {
                var to = NamespaceOf(used);
                if (to != from && to.StartsWith(prefix, StringComparison.Ordinal))
                {
                    targets.Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary>Every strongly connected set of two or more namespaces: each is a cycle of dependencies.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's algorithm over the namespace graph.
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            indices[node] = low[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _edges.GetValueOrDefault(node) ?? [])
            {
                if (!indices.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == indices[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in _edges.Keys.ToArray())
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    /// <summary>The edges among <paramref name="namespaces"/>, readable in a failure message.</summary>
    public string Describe(IEnumerable<string> namespaces)
    {
        var set = namespaces.ToHashSet(StringComparer.Ordinal);
        return string.Join("; ", set.SelectMany(n => (_edges.GetValueOrDefault(n) ?? []).Where(set.Contains).Select(t => $"{n} -> {t}")));
    }

    private HashSet<string> Targets(string from)
    {
        if (!_edges.TryGetValue(from, out var targets))
        {
            targets = new HashSet<string>(StringComparer.Ordinal);
            _edges[from] = targets;
        }

        return targets;
    }

    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static IEnumerable<TypeReference> Used(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            foreach (var t in Expand(type.BaseType))
            {
                yield return t;
            }
        }

        foreach (var t in type.Interfaces.SelectMany(i => Expand(i.InterfaceType)))
        {
            yield return t;
        }

        foreach (var t in type.CustomAttributes.SelectMany(a => Expand(a.AttributeType)))
        {
            yield return t;
        }

        foreach (var t in type.Fields.SelectMany(f => Expand(f.FieldType)))
        {
            yield return t;
        }

        foreach (var t in type.Properties.SelectMany(p => Expand(p.PropertyType)))
        {
            yield return t;
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Expand(method.ReturnType).Concat(method.Parameters.SelectMany(p => Expand(p.ParameterType))))
            {
                yield return t;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var t in method.Body.Variables.SelectMany(v => Expand(v.VariableType)))
            {
                yield return t;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                var operand = instruction.Operand switch
                {
                    TypeReference t => Expand(t),
                    MethodReference m => Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType))),
                    FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
                    _ => [],
                };
                foreach (var t in operand)
                {
                    yield return t;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        switch (type)
        {
            case null:
                break;
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var t in generic.GenericArguments.SelectMany(Expand))
                {
                    yield return t;
                }

                break;
            case TypeSpecification specification:
                foreach (var t in Expand(specification.ElementType))
                {
                    yield return t;
                }

                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}

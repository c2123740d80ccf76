namespace CoCoGen.Chain.Contracts.Generation;

/// <summary>Names the generator gives to what it emits for one contract.</summary>
/// <param name="Namespace">C# namespace of the generated file.</param>
/// <param name="AbiClass">Static class holding the ABI, bytecode, functions, events and errors.</param>
/// <param name="ContractClass">Partial class with one typed async method per function (its constructor and helpers are hand-written).</param>
/// <param name="ErrorsClass">Static class that maps revert data to the typed exceptions.</param>
/// <param name="ErrorBaseClass">Hand-written base class of the typed exceptions (derives from ContractRevertException).</param>
/// <param name="SourcePath">Artifact path named in the header comment.</param>
public sealed record BindingNames(string Namespace, string AbiClass, string ContractClass, string ErrorsClass, string ErrorBaseClass, string SourcePath);

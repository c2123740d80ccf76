using System.Globalization;
using System.Reflection;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>
/// A call or transaction to CoCoGenSettlement reverted with one of its custom errors; <see cref="Error"/> is the decoded
/// <c>[Error]</c> DTO (for instance <see cref="CoCoGenSettlementDebitAboveCapError"/> with its member, debit and cap).
/// </summary>
public sealed class SettlementRevertException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>, raised by <paramref name="context"/>.</summary>
    public SettlementRevertException(string context, object error, Exception innerException)
        : base($"{context} reverted with {Describe(error)}", innerException) =>
        Error = error ?? throw new ArgumentNullException(nameof(error));

    /// <summary>The decoded error DTO.</summary>
    public object Error { get; }

    /// <summary>The Solidity name of the error.</summary>
    public string ErrorName => ErrorAttribute.GetAttribute(Error.GetType()).Name;

    private static string Describe(object error)
    {
        var arguments = error.GetType().GetProperties()
            .Select(property => (Property: property, Parameter: property.GetCustomAttribute<ParameterAttribute>()))
            .Where(pair => pair.Parameter is not null)
            .OrderBy(pair => pair.Parameter!.Order)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Parameter!.Name}={Format(pair.Property.GetValue(error))}"));
        return $"{ErrorAttribute.GetAttribute(error.GetType()).Name}({string.Join(", ", arguments)})";
    }

    private static string Format(object? value) => value switch
    {
        byte[] bytes => "0x" + Convert.ToHexStringLower(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}

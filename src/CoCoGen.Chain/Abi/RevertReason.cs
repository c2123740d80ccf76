using System.Globalization;
using System.Numerics;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Abi;

/// <summary>Why a call reverted, decoded from its revert data: Error(string), Panic(uint256), a custom error, or raw bytes.</summary>
public sealed class RevertReason
{
    private RevertReason(byte[] data, AbiError? error, IReadOnlyList<object?> arguments)
    {
        Data = data;
        Error = error;
        Arguments = arguments;
    }

    /// <summary>The raw revert data.</summary>
    public byte[] Data { get; }

    /// <summary>The error that matched, or null when the data matched none (or was empty).</summary>
    public AbiError? Error { get; }

    /// <summary>The decoded arguments of <see cref="Error"/>.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The require/revert message of Error(string), if that is what it was.</summary>
    public string? Message => Error == AbiError.ErrorString ? (string?)Arguments[0] : null;

    /// <summary>The Panic(uint256) code (0x01 assert, 0x11 overflow, 0x12 division by zero, 0x32 index), if that is what it was.</summary>
    public BigInteger? PanicCode => Error == AbiError.Panic ? (BigInteger?)Arguments[0] : null;

    /// <summary>Decodes revert data, trying Error(string), Panic(uint256) and then the contract's custom errors.</summary>
    public static RevertReason Decode(ReadOnlySpan<byte> data, ContractAbi? abi = null)
    {
        var candidates = new List<AbiError> { AbiError.ErrorString, AbiError.Panic };
        if (abi is not null)
        {
            candidates.AddRange(abi.Errors);
        }

        foreach (var error in candidates)
        {
            if (!error.Matches(data))
            {
                continue;
            }

            try
            {
                return new RevertReason(data.ToArray(), error, error.Decode(data));
            }
            catch (FormatException)
            {
                // A selector collision with malformed arguments: try the next candidate, else report raw bytes.
            }
        }

        return new RevertReason(data.ToArray(), null, []);
    }

    /// <summary>Human-readable: "Error: msg", "Panic 0x11", "Name(arg, …)", or the raw hex.</summary>
    public override string ToString()
    {
        if (Message is { } message)
        {
            return "Error: " + message;
        }

        if (PanicCode is { } code)
        {
            return "Panic 0x" + code.ToString("x2", CultureInfo.InvariantCulture);
        }

        return Error is null
            ? (Data.Length == 0 ? "reverted without data" : "unknown revert " + Hex.Encode(Data))
            : Error.Name + "(" + string.Join(", ", Arguments.Select(argument => argument is byte[] bytes ? Hex.Encode(bytes) : Convert.ToString(argument, CultureInfo.InvariantCulture))) + ")";
    }
}

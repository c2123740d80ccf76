using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.JsonRpc.Client;
using Newtonsoft.Json.Linq;

namespace CoCoGen.Chain.Sending;

/// <summary>
/// Turns a node's revert answer into Nethereum's revert exceptions: <see cref="SmartContractRevertException"/> for
/// <c>Error(string)</c>, <see cref="SmartContractCustomErrorRevertException"/> for a custom error (decode it with
/// <c>IsCustomErrorFor&lt;TError&gt;()</c> and <c>DecodeError&lt;TError&gt;()</c>).
/// </summary>
internal static class RevertDecoding
{
    private const string ErrorStringSelector = "0x08c379a0";

    /// <summary>The revert exception the answer carries, or null when it carries no revert data.</summary>
    public static Exception? FromRpcError(RpcResponseException exception)
    {
        var data = RevertData(exception.RpcError?.Data);
        if (data is null || data.Length < 10)
        {
            return null;
        }

        return data.StartsWith(ErrorStringSelector, StringComparison.OrdinalIgnoreCase)
            ? new SmartContractRevertException(new FunctionCallDecoder().DecodeFunctionErrorMessage(data), data, exception)
            : new SmartContractCustomErrorRevertException(data);
    }

    private static string? RevertData(object? data) => data switch
    {
        string text when text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => text,
        JValue { Value: string text } when text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => text,
        JObject json => RevertData(json["data"]),
        _ => null,
    };
}

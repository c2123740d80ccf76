using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Rpc;

/// <summary>The node answered a request with a JSON-RPC error object.</summary>
public sealed class JsonRpcException : Exception
{
    /// <summary>Creates the exception for one failed call.</summary>
    public JsonRpcException(string method, long code, string rpcMessage, string? data)
        : base($"{method} failed with JSON-RPC error {code}: {rpcMessage}")
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        Data = data;
    }

    /// <summary>The RPC method that failed.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code (3 is "execution reverted" on most nodes).</summary>
    public long Code { get; }

    /// <summary>The node's error message.</summary>
    public string RpcMessage { get; }

    /// <summary>The error's data member as hex, when the node gave revert data.</summary>
    public new string? Data { get; }

    /// <summary>The revert data bytes, when <see cref="Data"/> is hex.</summary>
    public byte[]? RevertData
    {
        get
        {
            if (Data is null || !Data.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                return Hex.Decode(Data);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}

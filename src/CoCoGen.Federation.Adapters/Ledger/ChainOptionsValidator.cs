using CoCoGen.Federation.Adapters.Keys;
using Microsoft.Extensions.Options;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>
/// Checks of <see cref="ChainOptions"/> that span fields: the endpoint, the launcher and the key rule of the process:
/// the one-process demo derives its keys from a mnemonic, the coordinator and each organization unlock their own keystore.
/// </summary>
/// <param name="role">The process whose keys are checked.</param>
public sealed class ChainOptionsValidator(ProcessRole role) : IValidateOptions<ChainOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.RpcUrl)
            && (!Uri.TryCreate(options.RpcUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"Chain:RpcUrl must be an absolute http(s) URL (got '{options.RpcUrl}')");
        }

        if (string.IsNullOrWhiteSpace(options.RpcUrl) && !string.IsNullOrWhiteSpace(options.Anvil) && !File.Exists(options.Anvil))
        {
            failures.Add($"Chain:Anvil: '{options.Anvil}' does not exist");
        }

        if (string.IsNullOrWhiteSpace(options.RpcUrl) && !MnemonicSource.IsDevelopmentChain(options.ChainId))
        {
            failures.Add($"Chain:ChainId: the local chain has chain id 31337, not {options.ChainId}");
        }

        if (role == ProcessRole.Run)
        {
            try
            {
                MnemonicSource.Resolve(options.ChainId, options.MnemonicVariable, options.MnemonicFile).OpenWallet();
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }
        }
        else if (KeystoreSource.Problem(options) is { } problem)
        {
            failures.Add(problem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

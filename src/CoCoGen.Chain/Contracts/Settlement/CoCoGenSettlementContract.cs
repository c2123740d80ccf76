using System.Numerics;
using CoCoGen.Chain.Abi;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;

namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>A deployed CoCoGenSettlement seen from one account; the typed methods are generated from the artifact.</summary>
public sealed partial class CoCoGenSettlementContract
{
    private readonly IContractCaller _caller;

    /// <summary>Binds to the contract at <paramref name="address"/>, calling from <paramref name="caller"/>'s account.</summary>
    public CoCoGenSettlementContract(EthereumAddress address, IContractCaller caller)
    {
        Address = address;
        _caller = caller ?? throw new ArgumentNullException(nameof(caller));
    }

    /// <summary>The contract address.</summary>
    public EthereumAddress Address { get; }

    /// <summary>The account this binding calls from.</summary>
    public EthereumAddress Account => _caller.Account;

    /// <summary>The same contract seen from another account.</summary>
    public CoCoGenSettlementContract As(IContractCaller caller) => new(Address, caller);

    /// <summary>Deploys the committed artifact's bytecode; the deploying account becomes the coordinator.</summary>
    /// <param name="sender">The deployer.</param>
    /// <param name="weiPerUnit">Wei per payoff unit.</param>
    /// <param name="submissionWindowSeconds">Seconds from openRound to the submission deadline.</param>
    /// <param name="cancellationToken">Cancels sending and waiting.</param>
    public static async Task<(CoCoGenSettlementContract Contract, TransactionReceipt Receipt)> DeployAsync(
        TransactionSender sender, BigInteger weiPerUnit, ulong submissionWindowSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        try
        {
            var (address, receipt) = await ContractDeployer.DeployAsync(sender, SettlementAbi.Bytecode(), SettlementAbi.Abi.ConstructorInputs,
                [weiPerUnit, submissionWindowSeconds], BigInteger.Zero, cancellationToken).ConfigureAwait(false);
            return (new CoCoGenSettlementContract(address, new ContractCaller(sender)), receipt);
        }
        catch (ContractRevertException revert)
        {
            throw SettlementErrors.Typed(revert);
        }
    }

    /// <summary>The status of a round as the enum.</summary>
    /// <param name="round">Round number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<RoundStatus> GetRoundStatusAsync(BigInteger round, CancellationToken cancellationToken = default) =>
        (RoundStatus)await RoundStatusAsync(round, cancellationToken).ConfigureAwait(false);

    private async Task<object?[]> CallFunctionAsync(AbiFunction function, object?[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var output = await _caller.CallAsync(Address, function.EncodeCall(arguments), cancellationToken).ConfigureAwait(false);
            return function.DecodeOutput(output);
        }
        catch (ContractRevertException revert)
        {
            throw SettlementErrors.Typed(Named(revert, function));
        }
    }

    private async Task<TransactionReceipt> SendFunctionAsync(AbiFunction function, object?[] arguments, BigInteger valueWei, CancellationToken cancellationToken)
    {
        try
        {
            return await _caller.SendAsync(Address, function.EncodeCall(arguments), valueWei, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertException revert)
        {
            throw SettlementErrors.Typed(Named(revert, function));
        }
    }

    private ContractRevertException Named(ContractRevertException revert, AbiFunction function) =>
        new($"{function.Signature} on {Address} from {_caller.Account}", revert.Reason, revert.InnerException);
}

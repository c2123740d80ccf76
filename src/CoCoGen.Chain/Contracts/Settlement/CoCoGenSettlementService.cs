using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Sending;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.Contracts.ContractHandlers;
using Nethereum.Contracts.MessageEncodingServices;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>
/// A deployed CoCoGenSettlement, in Nethereum's service idiom over the generated DTOs: queries go through a
/// <see cref="ContractHandler"/> on an account-less <see cref="IWeb3"/>; transactions are encoded from their
/// <c>FunctionMessage</c> and sent by a <see cref="TransactionSender"/> (idempotent broadcast, gap-free nonces). Reverts
/// with one of the contract's custom errors become <see cref="SettlementRevertException"/> carrying the decoded DTO.
/// </summary>
public sealed class CoCoGenSettlementService
{
    /// <summary>Gas limit of a rejection: the deciding one at MAX_MEMBERS (608,284 gas) with a margin.</summary>
    private const long DecidingRejectionGasLimit = 800_000;

    private readonly IWeb3 _web3;
    private readonly TransactionSender? _sender;
    private readonly ContractHandler _handler;

    /// <summary>Binds to the contract at <paramref name="address"/>; with no <paramref name="sender"/> it can only read.</summary>
    public CoCoGenSettlementService(EthereumAddress address, IWeb3 web3, TransactionSender? sender = null)
    {
        _web3 = web3 ?? throw new ArgumentNullException(nameof(web3));
        Address = address;
        _sender = sender;
        _handler = web3.Eth.GetContractHandler(address.ToLowerHex());
    }

    /// <summary>The contract address.</summary>
    public EthereumAddress Address { get; }

    /// <summary>The account this view sends from.</summary>
    /// <exception cref="InvalidOperationException">A read-only view.</exception>
    public EthereumAddress Account => Sender.Address;

    private TransactionSender Sender => _sender ?? throw new InvalidOperationException($"CoCoGenSettlement at {Address} is bound read-only: this process holds no key to send with.");

    /// <summary>The same contract seen from another key.</summary>
    public CoCoGenSettlementService As(TransactionSender sender) => new(Address, _web3, sender ?? throw new ArgumentNullException(nameof(sender)));

    /// <summary>Deploys the committed bytecode with its timeouts; the deploying account becomes the coordinator.</summary>
    public static async Task<(CoCoGenSettlementService Service, MinedTransaction Deployment)> DeployAsync(
        TransactionSender sender, BigInteger weiPerUnit, SettlementTimeouts timeouts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(timeouts);
        var deployment = new CoCoGenSettlementDeployment
        {
            WeiPerUnit = weiPerUnit,
            CommitTimeout = timeouts.CommitSeconds,
            ChallengeWindow = timeouts.ChallengeWindowSeconds,
            AbsenceTimeout = timeouts.AbsenceSeconds,
        };
        var data = new DeploymentMessageEncodingService<CoCoGenSettlementDeployment>().GetDeploymentData(deployment).HexToByteArray();
        var mined = await Typed("deployment of CoCoGenSettlement", () => sender.SendAndWaitAsync(new TransactionRequest(null, data), cancellationToken)).ConfigureAwait(false);
        var address = mined.ContractAddress ?? throw new InvalidOperationException($"Deployment {mined.Hash} has no contract address.");
        return (new CoCoGenSettlementService(address, sender.Web3, sender), mined);
    }

    // ---- transactions --------------------------------------------------------------------------------------------

    /// <summary>registerMember(member), coordinator only.</summary>
    public Task<MinedTransaction> RegisterMemberAsync(EthereumAddress member, CancellationToken cancellationToken = default) =>
        SendAsync(new RegisterMemberFunction { Member = member.ToLowerHex() }, cancellationToken);

    /// <summary>setCompetition(ρ̂ × 1e18, n×n row-major), coordinator only.</summary>
    public Task<MinedTransaction> SetCompetitionAsync(IReadOnlyList<BigInteger> rhoWadFlat, CancellationToken cancellationToken = default) =>
        SendAsync(new SetCompetitionFunction { RhoWadFlat = [.. rhoWadFlat] }, cancellationToken);

    /// <summary>setGamma(γ × 1e18, min φ × 1e18), coordinator only.</summary>
    public Task<MinedTransaction> SetGammaAsync(BigInteger gammaWad, BigInteger phiMinWad, CancellationToken cancellationToken = default) =>
        SendAsync(new SetGammaFunction { NewGammaWad = gammaWad, NewPhiMinWad = phiMinWad }, cancellationToken);

    /// <summary>setLimits(minBond, debitCap, challengeStake, coordinatorBond), coordinator only.</summary>
    public Task<MinedTransaction> SetLimitsAsync(SettlementLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return SendAsync(
            new SetLimitsFunction
            {
                MinBondWei = limits.MinBondWei,
                DebitCapWei = limits.DebitCapWei,
                ChallengeStakeWei = limits.ChallengeStakeWei,
                CoordinatorBondWei = limits.CoordinatorBondWei,
            },
            cancellationToken);
    }

    /// <summary>depositSubmit() with <paramref name="wei"/> attached, from a member or the coordinator.</summary>
    public Task<MinedTransaction> DepositSubmitAsync(BigInteger wei, CancellationToken cancellationToken = default) =>
        SendAsync(new DepositSubmitFunction(), cancellationToken, wei);

    /// <summary>withdraw(amount), from any bond holder whose bond is not locked.</summary>
    public Task<MinedTransaction> WithdrawAsync(BigInteger amountWei, CancellationToken cancellationToken = default) =>
        SendAsync(new WithdrawFunction { AmountWei = amountWei }, cancellationToken);

    /// <summary>exitMembership(), from a member.</summary>
    public Task<MinedTransaction> ExitMembershipAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new ExitMembershipFunction(), cancellationToken);

    /// <summary>openRound(round, seedHash, mode), coordinator only: commits the validation seed's hash and the rule.</summary>
    public Task<MinedTransaction> OpenRoundAsync(int round, byte[] seedHash, SettlementMode mode, CancellationToken cancellationToken = default) =>
        SendAsync(new OpenRoundFunction { Round = round, SeedHash = seedHash, Mode = (byte)mode }, cancellationToken);

    /// <summary>commitContributions(round, x × 1e18 by member index, evidenceRoot), coordinator only (pair rule).</summary>
    public Task<MinedTransaction> CommitContributionsAsync(int round, IReadOnlyList<BigInteger> contributionWad, byte[] evidenceRoot, CancellationToken cancellationToken = default) =>
        SendAsync(new CommitContributionsFunction { Round = round, ContributionWad = [.. contributionWad], EvidenceRoot = evidenceRoot }, cancellationToken);

    /// <summary>commitNet(round, net wei by member index, evidenceRoot), coordinator only (net vector, M^Shap).</summary>
    public Task<MinedTransaction> CommitNetAsync(int round, IReadOnlyList<BigInteger> netWei, byte[] evidenceRoot, CancellationToken cancellationToken = default) =>
        SendAsync(new CommitNetFunction { Round = round, NetWei = [.. netWei], EvidenceRoot = evidenceRoot }, cancellationToken);

    /// <summary>acceptCommitment(round), from a round member within the window.</summary>
    public Task<MinedTransaction> AcceptCommitmentAsync(int round, CancellationToken cancellationToken = default) =>
        SendAsync(new AcceptCommitmentFunction { Round = round }, cancellationToken);

    /// <summary>
    /// rejectCommitment(round), from a round member within the window; stakes challengeStakeWei of its bond. Sent with a
    /// fixed gas limit: members vote at the same time, so a rejection estimated while it is not yet deciding may be mined
    /// as the one that completes the majority, which also voids the round and pays the slash (83 k gas at 3 members, 608 k
    /// at 64, docs/contract.md); only the gas used is paid. A revert then surfaces from the mined receipt, typed as usual.
    /// </summary>
    public Task<MinedTransaction> RejectCommitmentAsync(int round, CancellationToken cancellationToken = default) =>
        SendAsync(new RejectCommitmentFunction { Round = round }, cancellationToken, gasLimit: DecidingRejectionGasLimit);

    /// <summary>settleRound(round), anyone: after the window, or once acceptances decide it.</summary>
    public Task<MinedTransaction> SettleRoundAsync(int round, CancellationToken cancellationToken = default) =>
        SendAsync(new SettleRoundFunction { Round = round }, cancellationToken);

    /// <summary>abandonRound(round), anyone: after a missed commit deadline.</summary>
    public Task<MinedTransaction> AbandonRoundAsync(int round, CancellationToken cancellationToken = default) =>
        SendAsync(new AbandonRoundFunction { Round = round }, cancellationToken);

    // ---- queries -------------------------------------------------------------------------------------------------

    /// <summary>The number of registered members.</summary>
    public async Task<int> MemberCountAsync(CancellationToken cancellationToken = default) =>
        (int)await QueryAsync<MemberCountFunction, BigInteger>(new MemberCountFunction(), cancellationToken).ConfigureAwait(false);

    /// <summary>Member <paramref name="index"/> in registration order.</summary>
    public async Task<EthereumAddress> MemberAtAsync(int index, CancellationToken cancellationToken = default) =>
        EthereumAddress.Parse(await QueryAsync<MemberAtFunction, string>(new MemberAtFunction { Index = index }, cancellationToken).ConfigureAwait(false));

    /// <summary>Every member in registration order.</summary>
    public async Task<IReadOnlyList<EthereumAddress>> MembersAsync(CancellationToken cancellationToken = default)
    {
        var count = await MemberCountAsync(cancellationToken).ConfigureAwait(false);
        var members = new EthereumAddress[count];
        for (var i = 0; i < count; i++)
        {
            members[i] = await MemberAtAsync(i, cancellationToken).ConfigureAwait(false);
        }

        return members;
    }

    /// <summary>Whether <paramref name="account"/> is a member.</summary>
    public Task<bool> IsMemberAsync(EthereumAddress account, CancellationToken cancellationToken = default) =>
        QueryAsync<IsMemberFunction, bool>(new IsMemberFunction { Account = account.ToLowerHex() }, cancellationToken);

    /// <summary>The coordinator's address.</summary>
    public async Task<EthereumAddress> CoordinatorAsync(CancellationToken cancellationToken = default) =>
        EthereumAddress.Parse(await QueryAsync<CoordinatorFunction, string>(new CoordinatorFunction(), cancellationToken).ConfigureAwait(false));

    /// <summary>A bond in wei (member, coordinator or former coordinator).</summary>
    public Task<BigInteger> BondOfAsync(EthereumAddress account, CancellationToken cancellationToken = default) =>
        QueryAsync<BondOfFunction, BigInteger>(new BondOfFunction { Account = account.ToLowerHex() }, cancellationToken);

    /// <summary>ρ̂_ij × 1e18.</summary>
    public Task<BigInteger> RhoWadAsync(int i, int j, CancellationToken cancellationToken = default) =>
        QueryAsync<RhoWadFunction, BigInteger>(new RhoWadFunction { I = i, J = j }, cancellationToken);

    /// <summary>γ × 1e18.</summary>
    public Task<BigInteger> GammaWadAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<GammaWadFunction, BigInteger>(new GammaWadFunction(), cancellationToken);

    /// <summary>Wei per payoff unit.</summary>
    public Task<BigInteger> WeiPerUnitAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<WeiPerUnitFunction, BigInteger>(new WeiPerUnitFunction(), cancellationToken);

    /// <summary>The limits last set (all 0 before setLimits).</summary>
    public async Task<SettlementLimits> LimitsAsync(CancellationToken cancellationToken = default) => new(
        await QueryAsync<MinBondWeiFunction, BigInteger>(new MinBondWeiFunction(), cancellationToken).ConfigureAwait(false),
        await QueryAsync<DebitCapWeiFunction, BigInteger>(new DebitCapWeiFunction(), cancellationToken).ConfigureAwait(false),
        await QueryAsync<ChallengeStakeWeiFunction, BigInteger>(new ChallengeStakeWeiFunction(), cancellationToken).ConfigureAwait(false),
        await QueryAsync<CoordinatorBondWeiFunction, BigInteger>(new CoordinatorBondWeiFunction(), cancellationToken).ConfigureAwait(false));

    /// <summary>The timeouts fixed at deployment.</summary>
    public async Task<SettlementTimeouts> TimeoutsAsync(CancellationToken cancellationToken = default) => new(
        await QueryAsync<CommitTimeoutFunction, ulong>(new CommitTimeoutFunction(), cancellationToken).ConfigureAwait(false),
        await QueryAsync<ChallengeWindowFunction, ulong>(new ChallengeWindowFunction(), cancellationToken).ConfigureAwait(false),
        await QueryAsync<AbsenceTimeoutFunction, ulong>(new AbsenceTimeoutFunction(), cancellationToken).ConfigureAwait(false));

    /// <summary>When the rule last changed (Unix seconds); no round opens before this + the challenge window.</summary>
    public async Task<long> RuleChangedAtAsync(CancellationToken cancellationToken = default) =>
        (long)await QueryAsync<RuleChangedAtFunction, ulong>(new RuleChangedAtFunction(), cancellationToken).ConfigureAwait(false);

    /// <summary>Wei deposited into bonds, ever.</summary>
    public Task<BigInteger> TotalDepositedAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<TotalDepositedFunction, BigInteger>(new TotalDepositedFunction(), cancellationToken);

    /// <summary>Wei withdrawn from bonds, ever.</summary>
    public Task<BigInteger> TotalWithdrawnAsync(CancellationToken cancellationToken = default) =>
        QueryAsync<TotalWithdrawnFunction, BigInteger>(new TotalWithdrawnFunction(), cancellationToken);

    /// <summary>The last opened round (0 before the first).</summary>
    public async Task<int> LastRoundAsync(CancellationToken cancellationToken = default) =>
        checked((int)await QueryAsync<LastRoundFunction, BigInteger>(new LastRoundFunction(), cancellationToken).ConfigureAwait(false));

    /// <summary>The status of a round.</summary>
    public async Task<RoundStatus> RoundStatusAsync(int round, CancellationToken cancellationToken = default) =>
        (RoundStatus)await QueryAsync<RoundStatusFunction, byte>(new RoundStatusFunction { Round = round }, cancellationToken).ConfigureAwait(false);

    /// <summary>Everything about a round but its committed vector: status, mode, deadlines, member and vote masks, hashes.</summary>
    public Task<RoundInfoOutputDTO> RoundInfoAsync(int round, CancellationToken cancellationToken = default) =>
        Typed($"roundInfo({round}) on {Address}", () => _handler.QueryDeserializingToObjectAsync<RoundInfoFunction, RoundInfoOutputDTO>(new RoundInfoFunction { Round = round }, null)
            .WaitAsync(cancellationToken));

    /// <summary>committedValues(round): x × 1e18 (pair rule) or net wei (net vector) by member index; empty before the commitment.</summary>
    public async Task<IReadOnlyList<BigInteger>> CommittedValuesAsync(int round, CancellationToken cancellationToken = default) =>
        await QueryAsync<CommittedValuesFunction, List<BigInteger>>(new CommittedValuesFunction { Round = round }, cancellationToken).ConfigureAwait(false);

    /// <summary>payoffCalculate(round): the net transfer per member index in wei of a committed round, stakes excluded.</summary>
    public async Task<IReadOnlyList<BigInteger>> PayoffCalculateAsync(int round, CancellationToken cancellationToken = default) =>
        await QueryAsync<PayoffCalculateFunction, List<BigInteger>>(new PayoffCalculateFunction { Round = round }, cancellationToken).ConfigureAwait(false);

    // ---- events --------------------------------------------------------------------------------------------------

    /// <summary>Every <typeparamref name="TEvent"/> this contract emitted, from block 0 to the latest, in chain order.</summary>
    public async Task<IReadOnlyList<EventLog<TEvent>>> EventsAsync<TEvent>(CancellationToken cancellationToken = default)
        where TEvent : class, new()
    {
        var filter = ABITypedRegistry.GetEvent<TEvent>().CreateFilterInput(Address.ToLowerHex(), BlockParameter.CreateEarliest(), BlockParameter.CreateLatest());
        var logs = await _web3.Eth.Filters.GetLogs.SendRequestAsync(filter).WaitAsync(cancellationToken).ConfigureAwait(false);
        return logs.DecodeAllEvents<TEvent>();
    }

    /// <summary>The <typeparamref name="TEvent"/>s this contract emitted in <paramref name="transaction"/>.</summary>
    public IReadOnlyList<TEvent> EventsIn<TEvent>(MinedTransaction transaction)
        where TEvent : class, new()
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Receipt.DecodeAllEvents<TEvent>()
            .Where(log => EthereumAddress.TryParse(log.Log.Address, out var emitter) && emitter == Address)
            .Select(log => log.Event).ToArray();
    }

    private Task<TResult> QueryAsync<TFunction, TResult>(TFunction function, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new() =>
        Typed($"{ABITypedRegistry.GetFunctionABI<TFunction>().Name} on {Address}", () => _handler.QueryAsync<TFunction, TResult>(function, null).WaitAsync(cancellationToken));

    private Task<MinedTransaction> SendAsync<TFunction>(TFunction function, CancellationToken cancellationToken, BigInteger value = default, long? gasLimit = null)
        where TFunction : FunctionMessage, new()
    {
        var sender = Sender;
        var request = new TransactionRequest(Address, function.GetCallData(), value, gasLimit);
        return Typed($"{ABITypedRegistry.GetFunctionABI<TFunction>().Name} on {Address} from {sender.Address}", () => sender.SendAndWaitAsync(request, cancellationToken));
    }

    private static async Task<T> Typed<T>(string context, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (SmartContractCustomErrorRevertException revert) when (Decode(revert) is { } error)
        {
            throw new SettlementRevertException(context, error, revert);
        }
        catch (TransactionRevertedException reverted) when (reverted.InnerException is SmartContractCustomErrorRevertException revert && Decode(revert) is { } error)
        {
            throw new SettlementRevertException(context, error, reverted);
        }
        catch (SmartContractRevertException revert)
        {
            throw new InvalidOperationException($"{context} reverted: {revert.Message}", revert);
        }
    }

    private static object? Decode(SmartContractCustomErrorRevertException revert) =>
        CoCoGenSettlementErrors.Types.FirstOrDefault(revert.IsCustomErrorFor) is { } type ? revert.DecodeError(type) : null;
}

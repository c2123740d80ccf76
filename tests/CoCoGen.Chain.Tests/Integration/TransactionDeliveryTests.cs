using System.Numerics;
using CoCoGen.Chain.Contracts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Chain.Primitives;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;
using CoCoGen.Chain.Signing;

namespace CoCoGen.Chain.Tests.Integration;

[Collection(HardhatNodeGroup.Name)]
public sealed class TransactionDeliveryTests(HardhatFixture chain)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task Twenty_concurrent_submissions_from_ten_accounts_are_all_mined_without_nonce_gap_or_duplicate()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 10, 1, SettlementScenario.Wad / 2, Enumerable.Repeat(Ether / 10, 10).ToArray(), seed: 21);
        var before = await Task.WhenAll(scenario.Accounts.Select(account => chain.Rpc.GetTransactionCountAsync(account, BlockTag.Latest, CancellationToken.None)));
        await scenario.Coordinator.OpenRoundAsync(1);
        var contributions = SettlementScenario.Contributions(10, seed: 22);

        // Each account sends two transactions at once: its contribution profile and a bond top-up.
        var sends = scenario.Members.SelectMany((member, index) => new[]
        {
            member.ContributionSubmitAsync(1, SettlementScenario.ProfileFor(1, index, contributions[index])),
            member.DepositSubmitAsync(Ether / 100),
        }).ToArray();
        var receipts = await Task.WhenAll(sends);

        Assert.Equal(20, receipts.Length);
        Assert.All(receipts, receipt => Assert.True(receipt.Succeeded));
        Assert.Equal(20, receipts.Select(receipt => receipt.TransactionHash).Distinct().Count());
        var transactions = await Task.WhenAll(receipts.Select(receipt => chain.Rpc.GetTransactionByHashAsync(receipt.TransactionHash, CancellationToken.None)));
        var accounts = scenario.Accounts.ToArray();
        for (var index = 0; index < accounts.Length; index++)
        {
            var nonces = transactions.Where(transaction => transaction!.From == accounts[index]).Select(transaction => transaction!.Nonce).Order().ToArray();
            Assert.Equal([before[index], before[index] + 1], nonces);
            Assert.Equal(before[index] + 2, await chain.Rpc.GetTransactionCountAsync(accounts[index], BlockTag.Latest, CancellationToken.None));
        }

        var (_, submitted, _) = await scenario.Coordinator.RoundMembersAsync(1);
        Assert.Equal((1UL << 10) - 1, submitted);
    }

    [Fact]
    public async Task Lost_answers_are_retried_with_the_same_raw_transaction_and_the_next_nonce_is_right()
    {
        await using var proxy = new DroppingProxy(chain.Node.Endpoint);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var flakyRpc = new JsonRpcClient(http, new JsonRpcOptions
        {
            Endpoint = proxy.Endpoint,
            ChainId = HardhatFixture.HardhatChainId,
            MaxAttempts = 5,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        });
        var sender = await chain.SenderAsync(16, flakyRpc);
        var start = await chain.Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Latest, CancellationToken.None);
        var recipient = chain.Key(17).Address;

        var sent = new List<SentTransaction>();
        for (var index = 0; index < 6; index++)
        {
            sent.Add(await sender.SendAsync(new TransactionRequest(recipient, [], 1000 + index), CancellationToken.None));
        }

        var receipts = await Task.WhenAll(sent.Select(transaction => sender.WaitForReceiptAsync([transaction], CancellationToken.None)));
        Assert.All(receipts, receipt => Assert.True(receipt.Succeeded));
        Assert.Equal(Enumerable.Range(0, 6).Select(index => start + (ulong)index), sent.Select(transaction => transaction.Nonce));
        Assert.Equal(start + 6, await chain.Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Latest, CancellationToken.None));

        // Some raw transactions had their answer dropped; each was resent byte for byte (same hash), never re-signed.
        var raws = proxy.RawTransactions;
        Assert.True(proxy.DroppedAnswers > 0);
        Assert.Contains(raws, raw => raw.Dropped);
        Assert.Equal(6, raws.Select(raw => raw.Raw).Distinct().Count());
        Assert.Equal(sent.Select(transaction => transaction.Transaction.RawHex), raws.Select(raw => raw.Raw).Distinct());
        Assert.Equal(sent.Select(transaction => transaction.Nonce), raws.Select(raw => raw.Raw).Distinct().Select(raw => CoCoGen.Chain.Transactions.TransactionDecoder.Decode(Hex.Decode(raw)).Transaction.Nonce));
        foreach (var dropped in raws.Where(raw => raw.Dropped))
        {
            Assert.True(raws.Count(raw => raw.Raw == dropped.Raw) >= 2, "a dropped raw transaction must have been resent identically");
        }

        // The resends met the node's "already have it" answers, which the sender took as success for that hash.
        var resends = raws.Where((raw, index) => raws.Take(index).Any(earlier => earlier.Raw == raw.Raw)).ToArray();
        Assert.NotEmpty(resends);
        Assert.Contains(resends, resend => resend.Answer.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
            || resend.Answer.Contains("known", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Stuck_transaction_is_replaced_with_higher_fees_and_only_the_replacement_is_mined()
    {
        var sender = await chain.SenderAsync(18);
        var recipient = chain.Key(19).Address;
        var start = await chain.Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Latest, CancellationToken.None);
        await chain.Rpc.RequestAsync("evm_setAutomine", [false], CancellationToken.None);
        SentTransaction original, replacement;
        try
        {
            original = await sender.SendAsync(new TransactionRequest(recipient, [], 12345), CancellationToken.None);
            Assert.Null(await chain.Rpc.GetTransactionReceiptAsync(original.Hash, CancellationToken.None));
            replacement = await sender.ReplaceAsync(original, CancellationToken.None);
            await chain.Rpc.RequestAsync("evm_mine", [], CancellationToken.None);
        }
        finally
        {
            await chain.Rpc.RequestAsync("evm_setAutomine", [true], CancellationToken.None);
        }

        Assert.Equal(original.Nonce, replacement.Nonce);
        Assert.NotEqual(original.Hash, replacement.Hash);
        var old = (Eip1559Fees)original;
        var bumped = (Eip1559Fees)replacement;
        Assert.True(bumped.MaxFee >= old.MaxFee * 9 / 8 && bumped.Tip >= old.Tip * 9 / 8);

        var receipt = await sender.WaitForReceiptAsync([original, replacement], CancellationToken.None);
        Assert.Equal(replacement.Hash, receipt.TransactionHash);
        Assert.Null(await chain.Rpc.GetTransactionReceiptAsync(original.Hash, CancellationToken.None));
        Assert.Equal(start + 1, await chain.Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Latest, CancellationToken.None));

        // The nonce manager moves on: the next transaction takes the next nonce and is mined.
        var next = await sender.SendAndWaitAsync(new TransactionRequest(recipient, [], 1), CancellationToken.None);
        Assert.True(next.Succeeded);
        Assert.Equal(start + 2, await chain.Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task A_nonce_used_by_another_sender_is_reported_and_the_next_send_rereads_the_node()
    {
        var shared = await chain.SenderAsync(13);
        var outsider = await TransactionSender.CreateAsync(chain.Rpc, new PrivateKeySigner(chain.Key(13)), new CoCoGen.Chain.Nonces.NonceAllocator(chain.Rpc),
            new TransactionSenderOptions { ChainId = HardhatFixture.HardhatChainId }, null, CancellationToken.None);
        var recipient = chain.Key(12).Address;
        var first = await shared.SendAndWaitAsync(new TransactionRequest(recipient, [], 1), CancellationToken.None);
        await outsider.SendAndWaitAsync(new TransactionRequest(recipient, [], 2), CancellationToken.None);

        // The shared manager still believes the outsider's nonce is free: the node refuses, the hash is unknown.
        var refused = await Assert.ThrowsAsync<JsonRpcException>(() => shared.SendAsync(new TransactionRequest(recipient, [], 3), CancellationToken.None));
        Assert.Contains("nonce", refused.RpcMessage, StringComparison.OrdinalIgnoreCase);

        var next = await shared.SendAsync(new TransactionRequest(recipient, [], 4), CancellationToken.None);
        Assert.True((await shared.WaitForReceiptAsync([next], CancellationToken.None)).Succeeded);
        var firstNonce = (await chain.Rpc.GetTransactionByHashAsync(first.TransactionHash, CancellationToken.None))!.Nonce;
        Assert.Equal(firstNonce + 2, next.Nonce);
    }

    [Fact]
    public async Task A_chain_other_than_the_configured_one_is_refused_before_anything_is_sent()
    {
        var signer = new PrivateKeySigner(chain.Key(15));
        var before = await chain.Rpc.GetTransactionCountAsync(signer.Address, BlockTag.Latest, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ChainIdMismatchException>(() => TransactionSender.CreateAsync(
            chain.Rpc, signer, chain.Nonces, new TransactionSenderOptions { ChainId = 1 }, null, CancellationToken.None));
        Assert.Equal(1UL, refused.Expected);
        Assert.Equal(HardhatFixture.HardhatChainId, refused.Actual);

        using var http = new HttpClient();
        var mainnetClient = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = chain.Node.Endpoint, ChainId = 1 });
        await Assert.ThrowsAsync<ChainIdMismatchException>(() => mainnetClient.EnsureChainAsync(CancellationToken.None));
        Assert.Equal(before, await chain.Rpc.GetTransactionCountAsync(signer.Address, BlockTag.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task Gas_is_estimated_and_fees_follow_the_base_fee_rule()
    {
        var history = await chain.Rpc.FeeHistoryAsync(5, [50], CancellationToken.None);
        var suggestion = await new FeeOracle(chain.Rpc).SuggestAsync(CancellationToken.None);
        Assert.True(suggestion.MaxPriorityFeePerGas > 0);
        Assert.Equal((2 * history.NextBaseFee) + suggestion.MaxPriorityFeePerGas, suggestion.MaxFeePerGas);

        var sender = await chain.SenderAsync(15);
        var estimate = await chain.Rpc.EstimateGasAsync(new CallRequest(sender.Address, chain.Key(14).Address, [], 1), CancellationToken.None);
        var sent = await sender.SendAsync(new TransactionRequest(chain.Key(14).Address, [], 1), CancellationToken.None);
        var receipt = await sender.WaitForReceiptAsync([sent], CancellationToken.None);
        Assert.Equal(21000UL, receipt.GasUsed);
        Assert.InRange(estimate, 21000UL, 22000UL);
        Assert.Equal(estimate + (ulong)Math.Ceiling(estimate * 0.2), sent.Transaction.Transaction.GasLimit);
        Assert.Equal(Hex.Encode(CoCoGen.Chain.Hashing.Keccak256.Hash(sent.Transaction.Raw)), receipt.TransactionHash);
    }

    private readonly record struct Eip1559Fees(BigInteger MaxFee, BigInteger Tip)
    {
        public static explicit operator Eip1559Fees(SentTransaction sent)
        {
            var transaction = (CoCoGen.Chain.Transactions.Eip1559Transaction)sent.Transaction.Transaction;
            return new Eip1559Fees(transaction.MaxFeePerGas, transaction.MaxPriorityFeePerGas);
        }
    }
}

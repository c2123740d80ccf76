using System.Numerics;
using CoCoGen.Chain.Nonces;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;
using Nethereum.JsonRpc.Client;
using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;

namespace CoCoGen.Chain.Tests.Integration;

[Collection(HardhatNodeGroup.Name)]
public sealed class TransactionDeliveryTests(HardhatFixture chain)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task Twenty_concurrent_transactions_from_ten_accounts_are_all_mined_without_nonce_gap_or_duplicate()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 10, 1, SettlementScenario.Wad / 2, Enumerable.Repeat(Ether, 10).ToArray(), seed: 21);
        var accounts = scenario.Accounts.ToArray();
        var before = await Task.WhenAll(accounts.Select(account => chain.NonceAsync(account)));
        await scenario.CommitAsync(1, SettlementScenario.Contributions(10, seed: 22));

        // Each account sends two transactions at once: its vote on the commitment and a bond top-up.
        var sends = scenario.Members.SelectMany(member => new[]
        {
            member.AcceptCommitmentAsync(1),
            member.DepositSubmitAsync(Ether / 100),
        }).ToArray();
        var mined = await Task.WhenAll(sends);

        Assert.Equal(20, mined.Length);
        Assert.All(mined, transaction => Assert.True(transaction.Succeeded));
        Assert.Equal(20, mined.Select(transaction => transaction.Hash).Distinct().Count());
        var transactions = await Task.WhenAll(mined.Select(transaction => chain.Chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(transaction.Hash.ToString())));
        for (var index = 0; index < accounts.Length; index++)
        {
            var nonces = transactions.Where(transaction => string.Equals(transaction.From, accounts[index].ToLowerHex(), StringComparison.OrdinalIgnoreCase))
                .Select(transaction => (long)transaction.Nonce.Value).Order().ToArray();
            Assert.Equal([before[index], before[index] + 1], nonces);
            Assert.Equal(before[index] + 2, await chain.NonceAsync(accounts[index]));
        }

        var info = await scenario.Coordinator.RoundInfoAsync(1);
        Assert.Equal((1UL << 10) - 1, info.AcceptMask);
    }

    [Fact]
    public async Task Lost_answers_are_retried_with_the_same_raw_transaction_and_the_next_nonce_is_right()
    {
        await using var proxy = new DroppingProxy(chain.Node.Endpoint);
        // Connecting (eth_chainId) goes through the proxy too, so it is retried like everything else.
        using var flaky = await ChainEndpoint.ConnectAsync(proxy.Endpoint, HardhatFixture.HardhatChainId,
            new ChainEndpointOptions { MaxAttempts = 5, InitialBackoff = TimeSpan.FromMilliseconds(5) }, null, CancellationToken.None);
        var sender = chain.Sender(16, flaky);
        var start = await chain.NonceAsync(sender.Address);
        var recipient = chain.Address(17);

        var sent = new List<SentTransaction>();
        for (var index = 0; index < 6; index++)
        {
            sent.Add(await sender.SendAsync(new TransactionRequest(recipient, [], 1000 + index), CancellationToken.None));
        }

        var mined = await Task.WhenAll(sent.Select(transaction => sender.WaitForReceiptAsync([transaction], CancellationToken.None)));
        Assert.All(mined, transaction => Assert.True(transaction.Succeeded));
        Assert.Equal(Enumerable.Range(0, 6).Select(index => start + index), sent.Select(transaction => transaction.Nonce));
        Assert.Equal(start + 6, await chain.NonceAsync(sender.Address));

        // Some raw transactions had their answer dropped; each was resent byte for byte (same hash), never re-signed.
        var raws = proxy.RawTransactions;
        Assert.True(proxy.DroppedAnswers > 0);
        Assert.Contains(raws, raw => raw.Dropped);
        var distinct = raws.Select(raw => raw.Raw).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Assert.Equal(sent.Select(transaction => "0x" + Convert.ToHexStringLower(transaction.Transaction.Raw)), distinct.Select(raw => raw.ToLowerInvariant()));
        Assert.Equal(sent.Select(transaction => (BigInteger)transaction.Nonce), distinct.Select(raw => ((Transaction1559)TransactionFactory.CreateTransaction(raw)).Nonce!.Value));
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
        var sender = chain.Sender(18);
        var recipient = chain.Address(19);
        var start = await chain.NonceAsync(sender.Address);
        await chain.DevelopmentRpcAsync("evm_setAutomine", false);
        SentTransaction original, replacement;
        try
        {
            original = await sender.SendAsync(new TransactionRequest(recipient, [], 12345), CancellationToken.None);
            Assert.Null(await chain.Chain.ReceiptAsync(original.Hash, CancellationToken.None));
            replacement = await sender.ReplaceAsync(original, CancellationToken.None);
            await chain.DevelopmentRpcAsync("evm_mine");
        }
        finally
        {
            await chain.DevelopmentRpcAsync("evm_setAutomine", true);
        }

        Assert.Equal(original.Nonce, replacement.Nonce);
        Assert.NotEqual(original.Hash, replacement.Hash);
        var old = original.Transaction.Fields;
        var bumped = replacement.Transaction.Fields;
        Assert.True(bumped.MaxFeePerGas >= old.MaxFeePerGas * 9 / 8 && bumped.MaxPriorityFeePerGas >= old.MaxPriorityFeePerGas * 9 / 8);

        var mined = await sender.WaitForReceiptAsync([original, replacement], CancellationToken.None);
        Assert.Equal(replacement.Hash, mined.Hash);
        Assert.Null(await chain.Chain.ReceiptAsync(original.Hash, CancellationToken.None));
        Assert.Equal(start + 1, await chain.NonceAsync(sender.Address));

        // The nonce allocator moves on: the next transaction takes the next nonce and is mined.
        var next = await sender.SendAndWaitAsync(new TransactionRequest(recipient, [], 1), CancellationToken.None);
        Assert.True(next.Succeeded);
        Assert.Equal(start + 2, await chain.NonceAsync(sender.Address));
    }

    [Fact]
    public async Task A_nonce_used_by_another_sender_is_reported_and_the_next_send_rereads_the_node()
    {
        var shared = chain.Sender(13);
        var outsider = new TransactionSender(chain.Chain.Web3, HardhatFixture.HardhatChainId, chain.Key(13), new NonceAllocator(chain.Chain.Web3), HardhatFixture.SenderOptions, null);
        var recipient = chain.Address(12);
        var first = await shared.SendAndWaitAsync(new TransactionRequest(recipient, [], 1), CancellationToken.None);
        await outsider.SendAndWaitAsync(new TransactionRequest(recipient, [], 2), CancellationToken.None);

        // The shared allocator still believes the outsider's nonce is free: the node refuses, the hash is unknown.
        var refused = await Assert.ThrowsAsync<RpcResponseException>(() => shared.SendAsync(new TransactionRequest(recipient, [], 3), CancellationToken.None));
        Assert.Contains("nonce", refused.RpcError.Message, StringComparison.OrdinalIgnoreCase);

        var next = await shared.SendAsync(new TransactionRequest(recipient, [], 4), CancellationToken.None);
        Assert.True((await shared.WaitForReceiptAsync([next], CancellationToken.None)).Succeeded);
        var firstNonce = (long)(await chain.Chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(first.Hash.ToString())).Nonce.Value;
        Assert.Equal(firstNonce + 2, next.Nonce);
    }

    [Fact]
    public async Task A_chain_other_than_the_configured_one_is_refused_before_anything_is_sent()
    {
        var account = chain.Address(15);
        var before = await chain.NonceAsync(account);
        var refused = await Assert.ThrowsAsync<ChainIdMismatchException>(() => ChainEndpoint.ConnectAsync(chain.Node.Endpoint, 1, null, null, CancellationToken.None));
        Assert.Equal(1, refused.Expected);
        Assert.Equal(HardhatFixture.HardhatChainId, refused.Actual);
        Assert.Contains("refusing", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await chain.NonceAsync(account));
    }

    [Fact]
    public async Task Gas_is_estimated_with_the_margin_and_the_hash_is_keccak_of_the_raw_bytes()
    {
        var sender = chain.Sender(15);
        var recipient = chain.Address(14);
        var estimate = (long)(await chain.Chain.Web3.Eth.Transactions.EstimateGas.SendRequestAsync(new CallInput
        {
            From = sender.Address.ToLowerHex(),
            To = recipient.ToLowerHex(),
            Value = new Nethereum.Hex.HexTypes.HexBigInteger(1),
        })).Value;
        var sent = await sender.SendAsync(new TransactionRequest(recipient, [], 1), CancellationToken.None);
        var mined = await sender.WaitForReceiptAsync([sent], CancellationToken.None);
        Assert.Equal(21000, mined.GasUsed);
        Assert.InRange(estimate, 21000, 22000);
        Assert.Equal(estimate + (long)Math.Ceiling(estimate * 0.2), (long)sent.Transaction.Fields.GasLimit!.Value);
        Assert.Equal("0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(sent.Transaction.Raw)), mined.Hash.ToString());
        Assert.True(sent.Transaction.Fields.MaxFeePerGas >= sent.Transaction.Fields.MaxPriorityFeePerGas);
    }
}

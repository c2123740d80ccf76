using System.Collections.Concurrent;
using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>
/// The chain as the coordinator reads it, in memory: every transaction a <see cref="RecordingMemberAccount"/> really
/// sent is here with its sender; anything else is "not on chain".
/// </summary>
internal sealed class RecordedTransactions(string contractAddress) : ITransactionCheck
{
    private readonly ConcurrentDictionary<string, (string Sender, long Block)> _sent = new(StringComparer.OrdinalIgnoreCase);
    private long _block = 1000;

    public ChainReceipt Add(ChainAddress sender)
    {
        var hash = "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var block = Interlocked.Increment(ref _block);
        _sent[hash] = (sender.ToString(), block);
        return new ChainReceipt(Hash32.Parse(hash), block);
    }

    public Task<ChainReceipt> ConfirmAsync(string transactionHash, string sender, string contract, CancellationToken cancellationToken) =>
        _sent.TryGetValue(transactionHash, out var sent) && string.Equals(sent.Sender, sender, StringComparison.OrdinalIgnoreCase)
            && string.Equals(contract, contractAddress, StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult(new ChainReceipt(Hash32.Parse(transactionHash), sent.Block))
            : throw new InvalidOperationException($"transaction {transactionHash} is not on chain from {sender}");
}

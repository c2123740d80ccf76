using BenchmarkDotNet.Attributes;
using CoCoGen.Chain.Sending;
using Nethereum.Model;
using Nethereum.Signer;
using SignedTransaction = CoCoGen.Chain.Sending.SignedTransaction;

namespace CoCoGen.Benchmarks.Chain;

/// <summary>
/// Why the chain layer does not sign with Nethereum's <see cref="Transaction1559Signer"/>: one EIP-1559 signature by it
/// (BouncyCastle, v found by recovering the public key up to four times) against <see cref="SignedTransaction.Sign"/>
/// (NBitcoin.Secp256k1's recoverable signature on the same Nethereum transaction); both give the same bytes.
/// Run: dotnet run -c Release --project bench/CoCoGen.Benchmarks -- --filter '*TransactionSigningBenchmarks*' --inProcess --job short
/// </summary>
[MemoryDiagnoser]
public class TransactionSigningBenchmarks
{
    private static readonly EthECKey Key = new("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    /// <summary>Nethereum's default transaction signer.</summary>
    [Benchmark(Baseline = true)]
    public string NethereumTransaction1559Signer() => new Transaction1559Signer().SignTransaction(Key, Transaction());

    /// <summary>The chain layer's signer.</summary>
    [Benchmark]
    public byte[] SignedTransactionSign() => SignedTransaction.Sign(Key, Transaction()).Raw;

    private static Transaction1559 Transaction() =>
        new(31337, 7, 2_000_000_000, 4_000_000_000, 100_000, "0x5fbdb2315678afecb367f032d93f642f64180aa3", 0, "0x12345678", []);
}

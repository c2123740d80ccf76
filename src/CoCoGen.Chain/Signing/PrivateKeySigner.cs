using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Transactions;

namespace CoCoGen.Chain.Signing;

/// <summary>Signs in process with a secp256k1 private key held in memory.</summary>
public sealed class PrivateKeySigner : ITransactionSigner
{
    private readonly Secp256k1PrivateKey _key;

    /// <summary>Signs with the given key.</summary>
    public PrivateKeySigner(Secp256k1PrivateKey key) => _key = key ?? throw new ArgumentNullException(nameof(key));

    /// <inheritdoc />
    public EthereumAddress Address => _key.Address;

    /// <inheritdoc />
    public ValueTask<SignedTransaction> SignAsync(UnsignedTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Sign(transaction));
    }

    /// <summary>Signs synchronously.</summary>
    public SignedTransaction Sign(UnsignedTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return new SignedTransaction(transaction, _key.Sign(transaction.SigningHash()), _key.Address);
    }
}

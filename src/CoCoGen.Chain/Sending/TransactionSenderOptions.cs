namespace CoCoGen.Chain.Sending;

/// <summary>How a <see cref="TransactionSender"/> sizes and follows its transactions.</summary>
public sealed class TransactionSenderOptions
{
    /// <summary>Gas limit = estimate × (1 + margin), for state that changes between estimate and inclusion.</summary>
    public double GasMargin { get; set; } = 0.2;

    /// <summary>How long to wait for a receipt before giving up.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>First receipt poll delay (then ×1.5 each poll).</summary>
    public TimeSpan ReceiptPollInitialDelay { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Longest receipt poll delay.</summary>
    public TimeSpan ReceiptPollMaxDelay { get; set; } = TimeSpan.FromSeconds(1);
}

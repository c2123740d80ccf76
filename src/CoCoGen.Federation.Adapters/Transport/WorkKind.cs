namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>Kinds of work an organization process receives.</summary>
public enum WorkKind
{
    /// <summary>Bind to the contract and deposit the bond.</summary>
    Bond,

    /// <summary>One pass of generator pre-training: fetch the generator, upload the update.</summary>
    Generator,

    /// <summary>A training round: fetch global and generator weights, synthesise, train, upload.</summary>
    Train,

    /// <summary>Check the profile and submit it on chain, post the receipt.</summary>
    Submit,

    /// <summary>The run is over; the process may exit.</summary>
    Done,
}

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// A block of independent float32 lanes: what the canonical kernels are written against, so one kernel body
/// runs on Vector512, Vector256, Vector128 or a single float. Each lane is one output element's own
/// computation; no operation mixes lanes, which is why the lane count can never change a result.
/// </summary>
/// <typeparam name="TBlock">The register type.</typeparam>
internal interface ICanonicalLanes<TBlock>
    where TBlock : struct
{
    /// <summary>Lanes per block.</summary>
    static abstract int Count { get; }

    /// <summary>Reads <see cref="Count"/> consecutive floats.</summary>
    static abstract TBlock Load(ref float source, nuint offset);

    /// <summary>Writes <see cref="Count"/> consecutive floats.</summary>
    static abstract void Store(TBlock value, ref float destination, nuint offset);

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TBlock Broadcast(float value);

    /// <summary>accumulator + a·b per lane, the product rounded to float32 before the sum (never fused).</summary>
    static abstract TBlock MultiplyThenAdd(TBlock accumulator, TBlock a, TBlock b);
}

namespace CoCoGen.Chain.Abi;

/// <summary>A contract event: its topic and the decoding of a log's topics and data into named values.</summary>
public sealed class AbiEvent
{
    /// <summary>Describes an event.</summary>
    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        Anonymous = anonymous;
        Signature = AbiSignature.Of(name, inputs);
        Topic = AbiSignature.Topic(Signature);
    }

    /// <summary>Event name.</summary>
    public string Name { get; }

    /// <summary>Parameters in declaration order, indexed ones flagged.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>Anonymous events carry no signature topic.</summary>
    public bool Anonymous { get; }

    /// <summary>Canonical signature.</summary>
    public string Signature { get; }

    /// <summary>Keccak-256 of the signature: topic 0 of a non-anonymous log.</summary>
    public byte[] Topic { get; }

    /// <summary>True when the log's first topic is this event's.</summary>
    public bool Matches(IReadOnlyList<byte[]> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return !Anonymous && topics.Count > 0 && topics[0].AsSpan().SequenceEqual(Topic);
    }

    /// <summary>Decodes a log into values in declaration order (indexed dynamic values come back as their 32-byte hash).</summary>
    /// <exception cref="FormatException">The topics do not match the event or the data does not decode.</exception>
    public object?[] Decode(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var indexed = Inputs.Where(input => input.Indexed).ToArray();
        var firstIndexedTopic = Anonymous ? 0 : 1;
        if (!Anonymous && !Matches(topics))
        {
            throw new FormatException($"Log topic 0 is not the topic of {Signature}.");
        }

        if (topics.Count != firstIndexedTopic + indexed.Length)
        {
            throw new FormatException($"{Signature} has {indexed.Length} indexed parameters, the log has {topics.Count - firstIndexedTopic} topics.");
        }

        var unindexed = AbiDecoder.Decode(Inputs.Where(input => !input.Indexed).Select(input => input.Type).ToArray(), data);
        var values = new object?[Inputs.Count];
        int topicIndex = firstIndexedTopic, dataIndex = 0;
        for (var index = 0; index < Inputs.Count; index++)
        {
            values[index] = Inputs[index].Indexed
                ? AbiDecoder.DecodeTopic(Inputs[index].Type, topics[topicIndex++])
                : unindexed[dataIndex++];
        }

        return values;
    }
}

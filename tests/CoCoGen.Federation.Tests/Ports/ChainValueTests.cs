using System.Text.Json;
using CoCoGen.Chain.Accounts;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Tests.Ports;

/// <summary>
/// The protocol's chain values: what they refuse, that they survive the chain adapter byte for byte (EIP-55 examples
/// formatted by the chain client after the round trip), and that run records written before they existed read and
/// write back unchanged.
/// </summary>
public sealed class ChainValueTests
{
    // EIP-55's published examples: all caps, all lower, and the four mixed-case checksummed ones.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void An_address_crosses_the_adapter_intact_and_formats_as_the_eip55_example(string example)
    {
        var address = ChainAddress.Parse(example.ToLowerInvariant());

        Assert.Equal(example, address.ToEthereumAddress().ToChecksumString());
        Assert.Equal(address, EthereumAddress.Parse(example).ToChainAddress());
        Assert.Equal(address, ChainAddress.Parse(example));
        Assert.Equal(example.ToLowerInvariant(), address.ToString());
        Assert.Equal(Convert.FromHexString(example[2..]), address.ToBytes());
    }

    [Theory]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "it must start with 0x")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "it must have 40 hex digits after 0x, not 38")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00", "it must have 40 hex digits after 0x, not 42")]
    [InlineData("0x", "it must have 40 hex digits after 0x, not 0")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "'g' at position 41 is not a hex digit")]
    [InlineData("0x 5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "' ' at position 2 is not a hex digit")]
    public void A_malformed_address_is_refused_naming_the_problem(string text, string problem)
    {
        var refusal = Assert.Throws<FormatException>(() => ChainAddress.Parse(text));
        Assert.Equal($"'{text}' is not an address: {problem}", refusal.Message);
        Assert.False(ChainAddress.TryParse(text, out _));
    }

    [Fact]
    public void An_address_is_twenty_bytes()
    {
        Assert.Throws<ArgumentException>(() => ChainAddress.FromBytes(new byte[19]));
        Assert.Throws<ArgumentException>(() => ChainAddress.FromBytes(new byte[21]));
        Assert.Throws<ArgumentException>(() => EthereumAddress.FromBytes(new byte[32]));
        var bytes = Enumerable.Range(1, 20).Select(i => (byte)(i * 13)).ToArray();
        Assert.Equal(bytes, ChainAddress.FromBytes(bytes).ToBytes());
        Assert.Equal("0x" + Convert.ToHexStringLower(bytes), ChainAddress.FromBytes(bytes).ToString());
        Assert.Equal(ChainAddress.FromBytes(bytes), ChainAddress.FromBytes(bytes).ToEthereumAddress().ToChainAddress());
        Assert.NotEqual(ChainAddress.FromBytes(bytes), ChainAddress.FromBytes(bytes.Select((b, i) => i == 19 ? (byte)(b ^ 1) : b).ToArray()));
        Assert.Equal("0x0000000000000000000000000000000000000000", ChainAddress.Zero.ToString());
    }

    [Theory]
    [InlineData("15fa6dae4721d2a1cd4e7ffe8e952a76c02a4d30bb0bb997cf8aa074c1ac663b", "it must start with 0x")]
    [InlineData("0x15fa6dae4721d2a1cd4e7ffe8e952a76c02a4d30bb0bb997cf8aa074c1ac66", "it must have 64 hex digits after 0x, not 62")]
    [InlineData("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "it must have 64 hex digits after 0x, not 40")]
    [InlineData("0x15fa6dae4721d2a1cd4e7ffe8e952a76c02a4d30bb0bb997cf8aa074c1ac663x", "'x' at position 65 is not a hex digit")]
    public void A_malformed_hash_is_refused_naming_the_problem(string text, string problem)
    {
        var refusal = Assert.Throws<FormatException>(() => Hash32.Parse(text));
        Assert.Equal($"'{text}' is not a 32-byte hash: {problem}", refusal.Message);
    }

    [Fact]
    public void A_transaction_hash_crosses_the_adapter_intact()
    {
        const string text = "0x15FA6DAE4721d2a1cd4e7ffe8e952a76c02a4d30bb0bb997cf8aa074c1ac663b";
        var hash = Hash32.Parse(text);

        Assert.Equal(text.ToLowerInvariant(), hash.ToString());
        Assert.Equal(TransactionHash.Parse(text), hash.ToTransactionHash());
        Assert.Equal(hash, TransactionHash.Parse(text).ToHash32());
        Assert.Equal(Convert.FromHexString(text[2..]), hash.ToBytes());
        Assert.Throws<ArgumentException>(() => Hash32.FromBytes(new byte[20]));
        Assert.Throws<ArgumentException>(() => TransactionHash.FromBytes(new byte[31]));
    }

    // Written by the build before these types (run-20261201-041135 of the CI run on main f7bfa1e), cut to one organization.
    private const string OrganizationLine =
        """{"id":"org1","address":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8","outcome":"accepted","localSamples":6456,"syntheticSamples":0,"trainingLoss":0.790024262230931,"synthesisSeconds":3.1E-06,"trainingSeconds":1.2429722,"contribution":0.1471331744657168,"contributionWad":"147133174465717000","weightsHash":"0x4dc410beab842ed44cc586b7b1e04fbc021383a20e084a26330d2311d8fd4bf8","previewNetWei":"762801976514422","chainNetWei":"762801976514422","transferredWei":"762801976514422","vote":{"accepted":true,"objections":[],"transaction":"0x15fa6dae4721d2a1cd4e7ffe8e952a76c02a4d30bb0bb997cf8aa074c1ac663b","block":58}}""";

    private const string SettlementLine =
        """{"chainId":31337,"contract":"0x0dcd1bf9a1b36ce34237eeafef220932846bcd82","status":"Settled","activeMembers":2,"acceptances":2,"rejections":0,"transactions":[{"step":"openRound","hash":"0x42fce0de87729170b834de3c61761df60f088b86f72a52cf4dabde4d98d05739","block":47},{"step":"commitContributions","hash":"0xeaa588feb6422d14416f66e83340a9f5da3f042e6f3a3f84bd17c11eea489c5e","block":48}]}""";

    private const string Checkpoint = """
        {
          "generatorSteps": 2,
          "settledRound": 12,
          "chainId": 31337,
          "contract": "0x0dcd1bf9a1b36ce34237eeafef220932846bcd82",
          "organizations": [
            {
              "id": "org1",
              "address": "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
              "localSamples": 6456
            },
            {
              "id": "org2",
              "address": "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
              "localSamples": 5627
            }
          ],
          "globalWeights": "global-d66d240cd1eac5f2.bin",
          "generatorWeights": "generator-56dec23652f81216.bin",
          "modelHash": "0x4adb6529f85bbf41256555a8e1671640bbf333036259cdfafe3a8a18f1e23c41"
        }
        """;

    [Fact]
    public void Run_records_written_before_the_types_read_typed_and_write_back_unchanged()
    {
        var organization = JsonSerializer.Deserialize<OrganizationRoundRecord>(OrganizationLine, RunJson.Options)!;
        Assert.Equal(ChainAddress.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), organization.Address);
        Assert.Equal(Hash32.Parse("0x15fa6dae4721d2a1cd4e7ffe8e952a76c02a4d30bb0bb997cf8aa074c1ac663b"), organization.Vote!.Transaction);
        Assert.Equal(OrganizationLine, JsonSerializer.Serialize(organization, RunJson.Options));

        var settlement = JsonSerializer.Deserialize<SettlementRecord>(SettlementLine, RunJson.Options)!;
        Assert.Equal(ChainAddress.Parse("0x0dcd1bf9a1b36ce34237eeafef220932846bcd82"), settlement.Contract);
        Assert.Equal(Hash32.Parse("0x42fce0de87729170b834de3c61761df60f088b86f72a52cf4dabde4d98d05739"), settlement.Transactions[0].Hash);
        Assert.Equal(SettlementLine, JsonSerializer.Serialize(settlement, RunJson.Options));

        var checkpoint = JsonSerializer.Deserialize<RunCheckpoint>(Checkpoint, RunJson.Indented)!;
        Assert.Equal(ChainAddress.Parse("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"), checkpoint.Organizations[1].Address);
        Assert.Equal(Checkpoint.ReplaceLineEndings("\n"), JsonSerializer.Serialize(checkpoint, RunJson.Indented).ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("""{"step":"openRound","hash":"0x42fce0","block":47}""", "'0x42fce0' is not a 32-byte hash: it must have 64 hex digits after 0x, not 6")]
    [InlineData("""{"step":"openRound","hash":47,"block":47}""", "expected a hash written as a string")]
    public void A_record_with_a_malformed_hash_is_refused_naming_it(string json, string problem)
    {
        var refusal = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TransactionRecord>(json, RunJson.Options));
        Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_with_a_malformed_address_is_refused_naming_it()
    {
        var refusal = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<OrganizationProfile>("""{"id":"org1","address":"0x7099","localSamples":1}""", RunJson.Options));
        Assert.Contains("'0x7099' is not an address: it must have 40 hex digits after 0x, not 4", refusal.Message, StringComparison.Ordinal);
    }
}

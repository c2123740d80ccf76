using CoCoGen.Chain.Hashing;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Tests.Hashing;

public sealed class Keccak256Tests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Hash_matches_published_digests(string text, string expected) =>
        Assert.Equal(expected, Hex.Encode(Keccak256.HashUtf8(text)));

    [Fact]
    public void Hash_of_a_multi_block_input_differs_from_the_digest_of_its_prefix()
    {
        var long1 = new byte[300];
        var long2 = new byte[300];
        long2[299] = 1;
        Assert.NotEqual(Hex.Encode(Keccak256.Hash(long1)), Hex.Encode(Keccak256.Hash(long2)));
        Assert.Equal(Hex.Encode(Keccak256.Hash(long1)), Hex.Encode(Keccak256.Hash(new byte[300])));
    }

    [Fact]
    public void Hash_into_a_short_destination_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2], new byte[31]));
}

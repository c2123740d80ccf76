using CoCoGen.Chain.Accounts;

namespace CoCoGen.Chain.Tests.Accounts;

// Examples from EIP-55.
public sealed class EthereumAddressTests
{
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Checksum_of_the_lower_case_form_reproduces_the_eip_example(string example)
    {
        var address = EthereumAddress.Parse(example.ToLowerInvariant());
        Assert.Equal(example, address.ToChecksumString());
        Assert.Equal(address, EthereumAddress.Parse(example));
    }

    [Fact]
    public void Mixed_case_with_a_wrong_checksum_is_rejected() =>
        Assert.Throws<FormatException>(() => EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("0xzzAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void Wrong_length_or_non_hex_is_rejected(string text) =>
        Assert.Throws<FormatException>(() => EthereumAddress.Parse(text));

    [Fact]
    public void Default_value_is_the_zero_address()
    {
        Assert.Equal(EthereumAddress.Zero, default);
        Assert.Equal("0x0000000000000000000000000000000000000000", default(EthereumAddress).ToLowerHex());
    }
}

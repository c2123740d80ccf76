using CoCoGen.Chain.Keys;
using NBitcoin;

namespace CoCoGen.Chain.Tests.Conformance;

// Key derivation through NBitcoin's Mnemonic and ExtKey (what DevelopmentWallet uses), against published vectors.
public sealed class KeyDerivationVectorTests
{
    // Hardhat's default accounts for "test test … junk" at m/44'/60'/0'/0/i, as `hardhat node` prints them.
    public static TheoryData<int, string, string> HardhatAccounts => new()
    {
        { 0, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80" },
        { 1, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" },
        { 2, "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a" },
        { 3, "0x90F79bf6EB2c4f870365E785982E1f101E93b906", "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6" },
        { 4, "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a" },
        { 5, "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc", "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba" },
        { 6, "0x976EA74026E726554dB657fA54763abd0C3a0aa9", "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e" },
        { 7, "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955", "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356" },
        { 8, "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f", "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97" },
        { 9, "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720", "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6" },
    };

    private static readonly Lazy<DevelopmentWallet> Hardhat = new(() => new DevelopmentWallet(DevelopmentWallet.HardhatMnemonic));

    [Theory]
    [MemberData(nameof(HardhatAccounts))]
    public void Hardhat_default_mnemonic_derives_the_published_accounts(int index, string address, string privateKey)
    {
        var key = Hardhat.Value.Key(index);
        Assert.Equal(privateKey, "0x" + Convert.ToHexStringLower(key.GetPrivateKeyAsBytes()));
        Assert.Equal(address, key.GetPublicAddress());
    }

    // BIP-32's test vectors 1 (16-byte seed) and 2 (64-byte seed), bitcoin/bips bip-0032.mediawiki: every extended key
    // DevelopmentWallet derives, serialized, equals the published xprv and its public half the published xpub (version,
    // depth, parent fingerprint, child number, chain code and key).
    private const string Vector1Seed = "000102030405060708090a0b0c0d0e0f";
    private const string Vector2Seed = "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542";

    [Theory]
    [InlineData(Vector1Seed, "m", "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8", "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi")]
    [InlineData(Vector1Seed, "m/0'", "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw", "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7")]
    [InlineData(Vector1Seed, "m/0'/1", "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ", "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs")]
    [InlineData(Vector1Seed, "m/0'/1/2'", "xpub6D4BDPcP2GT577Vvch3R8wDkScZWzQzMMUm3PWbmWvVJrZwQY4VUNgqFJPMM3No2dFDFGTsxxpG5uJh7n7epu4trkrX7x7DogT5Uv6fcLW5", "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM")]
    [InlineData(Vector1Seed, "m/0'/1/2'/2", "xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV", "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334")]
    [InlineData(Vector1Seed, "m/0'/1/2'/2/1000000000", "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy", "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76")]
    [InlineData(Vector2Seed, "m", "xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB", "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U")]
    [InlineData(Vector2Seed, "m/0", "xpub69H7F5d8KSRgmmdJg2KhpAK8SR3DjMwAdkxj3ZuxV27CprR9LgpeyGmXUbC6wb7ERfvrnKZjXoUmmDznezpbZb7ap6r1D3tgFxHmwMkQTPH", "xprv9vHkqa6EV4sPZHYqZznhT2NPtPCjKuDKGY38FBWLvgaDx45zo9WQRUT3dKYnjwih2yJD9mkrocEZXo1ex8G81dwSM1fwqWpWkeS3v86pgKt")]
    [InlineData(Vector2Seed, "m/0/2147483647'", "xpub6ASAVgeehLbnwdqV6UKMHVzgqAG8Gr6riv3Fxxpj8ksbH9ebxaEyBLZ85ySDhKiLDBrQSARLq1uNRts8RuJiHjaDMBU4Zn9h8LZNnBC5y4a", "xprv9wSp6B7kry3Vj9m1zSnLvN3xH8RdsPP1Mh7fAaR7aRLcQMKTR2vidYEeEg2mUCTAwCd6vnxVrcjfy2kRgVsFawNzmjuHc2YmYRmagcEPdU9")]
    public void Bip32_test_vectors_1_and_2(string seed, string path, string xpub, string xprv)
    {
        var key = new DevelopmentWallet(Convert.FromHexString(seed)).Derive(path);
        Assert.Equal(xprv, key.ToString(Network.Main));
        Assert.Equal(xpub, key.Neuter().ToString(Network.Main));
    }

    [Fact]
    public void Development_wallet_accepts_the_words_false_and_true()
    {
        // Nethereum 6.1.0's list spells these two in capitals; the wallet must take them as BIP-39 writes them.
        var wallet = new DevelopmentWallet("false true abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
        Assert.StartsWith("0x", wallet.Key(0).GetPublicAddress(), StringComparison.Ordinal);
    }

    // Trezor's BIP-39 vectors (passphrase "TREZOR").
    [Theory]
    [InlineData("00000000000000000000000000000000", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04")]
    [InlineData("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "legal winner thank year wave sausage worth useful legal winner thank yellow",
        "2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607")]
    public void Bip39_trezor_vectors(string entropy, string mnemonic, string seed)
    {
        Assert.Equal(mnemonic, new Mnemonic(Wordlist.English, Convert.FromHexString(entropy)).ToString());
        Assert.Equal(seed, Convert.ToHexStringLower(new Mnemonic(mnemonic, Wordlist.English).DeriveSeed("TREZOR")));
    }

    [Fact]
    public void Development_wallet_refuses_an_unknown_word_or_count_without_echoing_the_words()
    {
        var unknown = Assert.Throws<FormatException>(() => new DevelopmentWallet("test test test test test test test test test test test junkk"));
        Assert.Contains("word 12", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("junkk", unknown.Message, StringComparison.Ordinal);
        var count = Assert.Throws<FormatException>(() => new DevelopmentWallet("test test test"));
        Assert.Contains("3", count.Message, StringComparison.Ordinal);
    }
}

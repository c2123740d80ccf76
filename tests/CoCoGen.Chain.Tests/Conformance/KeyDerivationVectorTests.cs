using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using CoCoGen.Chain.Keys;
using Nethereum.Accounts.Bip32;

namespace CoCoGen.Chain.Tests.Conformance;

// Key derivation through Nethereum's MinimalHDWallet and Bip39 (what DevelopmentWallet uses), against published vectors.
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

    // BIP-32 test vector 2 (bitcoin/bips bip-0032.mediawiki), whose 64-byte seed is what MinimalHDWallet takes: the
    // private and public keys Nethereum derives equal the ones inside the published xprv and xpub.
    private const string Vector2Seed = "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542";

    [Theory]
    [InlineData("m", "xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB", "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U")]
    [InlineData("m/0", "xpub69H7F5d8KSRgmmdJg2KhpAK8SR3DjMwAdkxj3ZuxV27CprR9LgpeyGmXUbC6wb7ERfvrnKZjXoUmmDznezpbZb7ap6r1D3tgFxHmwMkQTPH", "xprv9vHkqa6EV4sPZHYqZznhT2NPtPCjKuDKGY38FBWLvgaDx45zo9WQRUT3dKYnjwih2yJD9mkrocEZXo1ex8G81dwSM1fwqWpWkeS3v86pgKt")]
    [InlineData("m/0/2147483647'", "xpub6ASAVgeehLbnwdqV6UKMHVzgqAG8Gr6riv3Fxxpj8ksbH9ebxaEyBLZ85ySDhKiLDBrQSARLq1uNRts8RuJiHjaDMBU4Zn9h8LZNnBC5y4a", "xprv9wSp6B7kry3Vj9m1zSnLvN3xH8RdsPP1Mh7fAaR7aRLcQMKTR2vidYEeEg2mUCTAwCd6vnxVrcjfy2kRgVsFawNzmjuHc2YmYRmagcEPdU9")]
    public void Bip32_test_vector_2(string path, string xpub, string xprv)
    {
        var key = new MinimalHDWallet(Convert.FromHexString(Vector2Seed)).GetKeyFromPath(path);
        // Serialized extended key: version(4) depth(1) fingerprint(4) child(4) chain code(32) key(33).
        Assert.Equal(Base58CheckPayload(xprv)[46..78], key.GetPrivateKeyAsBytes());
        Assert.Equal(Base58CheckPayload(xpub)[45..78], key.GetPubKey(true));
    }

    // BIP-32 vector 1's 16-byte seed cannot be run: MinimalHDWallet takes only the 64-byte seeds BIP-39 produces.
    [Fact]
    public void Bip32_vector_1_seed_is_refused_by_MinimalHDWallet() =>
        Assert.Throws<ArgumentException>(() => new MinimalHDWallet(Convert.FromHexString("000102030405060708090a0b0c0d0e0f")));

    // Nethereum 6.1.0 spells "false" and "true" in capitals; otherwise its list is the official one, word for word.
    [Fact]
    public void Nethereum_wordlist_is_the_official_english_list_up_to_two_capitalised_words()
    {
        Assert.Equal(["FALSE", "TRUE"], Bip39.WordList.Where(word => !string.Equals(word, word.ToLowerInvariant(), StringComparison.Ordinal)));
        var text = string.Join('\n', Bip39.WordList.Select(word => word.ToLowerInvariant())) + "\n";
        Assert.Equal("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Development_wallet_accepts_the_words_false_and_true()
    {
        // Derivation must not trip over Nethereum's capitalised spellings of these two words.
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
        Assert.Equal(mnemonic, Bip39.EntropyToMnemonic(Convert.FromHexString(entropy)));
        Assert.Equal(seed, Convert.ToHexStringLower(Bip39.MnemonicToSeed(mnemonic, "TREZOR")));
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

    // Base58Check decoding for reading the published extended keys; test-only (the chain layer has no Base58 of its own).
    private static byte[] Base58CheckPayload(string text)
    {
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var value = text.Aggregate(BigInteger.Zero, (sum, c) => (sum * 58) + alphabet.IndexOf(c, StringComparison.Ordinal));
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var checksum = SHA256.HashData(SHA256.HashData(bytes.AsSpan(0, bytes.Length - 4)));
        Assert.Equal(checksum[..4], bytes[^4..]);
        return bytes[..^4];
    }
}

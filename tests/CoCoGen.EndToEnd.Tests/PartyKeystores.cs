using System.Numerics;
using CoCoGen.Chain.Accounts;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// One keystore per party of the distributed shape, each made by `cocogen keys new` under its own passphrase file and
/// funded from the node's faucet account. No process of the shape sees a mnemonic or a shared passphrase.
/// </summary>
internal sealed class PartyKeystores
{
    public static readonly Dictionary<string, string?> NoSharedSecrets = new() { ["COCOGEN_MNEMONIC"] = null, ["COCOGEN_PASSPHRASE"] = null };

    private readonly Dictionary<string, (string Keystore, string Passphrase, EthereumAddress Address)> _keys = [];

    private PartyKeystores()
    {
    }

    public IEnumerable<EthereumAddress> Addresses => _keys.Values.Select(k => k.Address);

    public static Task<PartyKeystores> CreateAsync(ChainFixture chain, string folder, params string[] parties) =>
        CreateAsync(chain.RepositoryRoot, Task.FromResult(chain.Node.Endpoint), folder, parties);

    /// <summary>Keystores made while the chain at <paramref name="chainEndpoint"/> may still be starting, then funded on it.</summary>
    public static async Task<PartyKeystores> CreateAsync(string repositoryRoot, Task<Uri> chainEndpoint, string folder, params string[] parties)
    {
        var keys = new PartyKeystores();
        foreach (var party in parties)
        {
            var passphrase = Path.Combine(folder, party + ".pass");
            Directory.CreateDirectory(folder);
            File.WriteAllText(passphrase, $"{party} passphrase {Guid.NewGuid():N}\n");
            var keystore = Path.Combine(folder, party + ".keystore.json");
            using var create = new CocogenProcess(repositoryRoot, NoSharedSecrets, "keys", "new", "--out", keystore, "--passphrase-file", passphrase);
            Assert.True(await create.ExitCodeAsync(TimeSpan.FromMinutes(2)) == 0, create.Output);
            keys._keys[party] = (keystore, passphrase, EthereumAddress.Parse(create.Output.Trim()));
        }

        Assert.Equal(parties.Length, keys.Addresses.Distinct().Count());
        await ChainFixture.FundAsync(await chainEndpoint, keys.Addresses, BigInteger.Pow(10, 18) * 500);
        return keys;
    }

    public EthereumAddress AddressOf(string party) => _keys[party].Address;

    /// <summary>The options that make a process sign as <paramref name="party"/>.</summary>
    public string[] Of(string party) => ["--keystore", _keys[party].Keystore, "--passphrase-file", _keys[party].Passphrase];
}

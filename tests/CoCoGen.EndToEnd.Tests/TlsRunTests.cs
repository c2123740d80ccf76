using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// The coordinator served over TLS with a certificate from a consortium CA the test makes, configured the way
/// docs/transport.md says (Kestrel's certificate settings in the coordinator's environment, SSL_CERT_FILE for the
/// members): members that trust the CA settle a round; one that does not is refused and says why.
/// </summary>
[Collection(ChainGroup.Name)]
public sealed class TlsRunTests(ChainFixture chain, Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-tls-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Members_that_trust_the_consortium_CA_settle_a_round_over_TLS_and_one_that_does_not_is_refused()
    {
        var pki = ConsortiumCertificates.Write(Path.Combine(_work, "pki"));
        var run = Path.Combine(_work, "run");
        var coordinatorUrl = $"https://127.0.0.1:{DistributedRunTests.FreePort()}";
        var keys = await PartyKeystores.CreateAsync(chain, _work, "coordinator", "org1", "org2");
        var config = RunFiles.WriteDistributedConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 60, keys, organizations: 2);
        string[] shared = ["--config", config, "--rpc-url", chain.RpcUrl, "--organizations", "2", "--rounds", "1"];

        var coordinatorEnvironment = new Dictionary<string, string?>(PartyKeystores.NoSharedSecrets)
        {
            ["ASPNETCORE_Kestrel__Certificates__Default__Path"] = pki.CertificatePath,
            ["ASPNETCORE_Kestrel__Certificates__Default__KeyPath"] = pki.KeyPath,
        };
        var trusting = new Dictionary<string, string?>(PartyKeystores.NoSharedSecrets) { ["SSL_CERT_FILE"] = pki.AuthorityPath };
        var untrusting = new Dictionary<string, string?>(PartyKeystores.NoSharedSecrets) { ["SSL_CERT_FILE"] = null, ["SSL_CERT_DIR"] = null };
        using var coordinator = new CocogenProcess(chain.RepositoryRoot, coordinatorEnvironment,
            ["coordinator", "--urls", coordinatorUrl, "--out", run, .. shared, .. keys.Of("coordinator")]);

        // org2 without the CA: the handshake fails, and the process stops (exit 2) naming the fix instead of retrying.
        using (var refused = new CocogenProcess(chain.RepositoryRoot, untrusting, ["org", "--id", "org2", "--coordinator", coordinatorUrl, .. shared, .. keys.Of("org2")]))
        {
            Assert.True(await refused.ExitCodeAsync(TimeSpan.FromMinutes(2)) == 2, refused.Output);
            Assert.Contains("the coordinator's TLS certificate is not trusted", refused.Output, StringComparison.Ordinal);
            Assert.Contains("SSL_CERT_FILE", refused.Output, StringComparison.Ordinal);
            output.WriteLine(refused.Output.Split('\n').Last(l => l.StartsWith("cocogen org:", StringComparison.Ordinal)));
        }

        using var org1 = new CocogenProcess(chain.RepositoryRoot, trusting, ["org", "--id", "org1", "--coordinator", coordinatorUrl, .. shared, .. keys.Of("org1")]);
        using var org2 = new CocogenProcess(chain.RepositoryRoot, trusting, ["org", "--id", "org2", "--coordinator", coordinatorUrl, .. shared, .. keys.Of("org2")]);
        Assert.True(await coordinator.ExitCodeAsync(TimeSpan.FromMinutes(5)) == 0, coordinator.Output + "\n===== org1\n" + org1.Output + "\n===== org2\n" + org2.Output);
        var rounds = RunFiles.Rounds(run);
        Assert.Single(rounds);
        Assert.Equal("Settled", rounds[0].GetProperty("settlement").GetProperty("status").GetString());
        Assert.All(rounds[0].GetProperty("organizations").EnumerateArray(), o => Assert.Equal("accepted", o.GetProperty("outcome").GetString()));
        Assert.Equal(0, await org1.ExitCodeAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, await org2.ExitCodeAsync(TimeSpan.FromMinutes(1)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    /// <summary>A self-signed consortium CA and the coordinator's certificate for 127.0.0.1, issued by it, as PEM files.</summary>
    private sealed record ConsortiumCertificates(string AuthorityPath, string CertificatePath, string KeyPath)
    {
        public static ConsortiumCertificates Write(string folder)
        {
            Directory.CreateDirectory(folder);
            var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
            var notAfter = DateTimeOffset.UtcNow.AddDays(1);

            using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var authorityRequest = new CertificateRequest("CN=CoCoGen test consortium CA", authorityKey, HashAlgorithmName.SHA256);
            authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
            using var authority = authorityRequest.CreateSelfSigned(notBefore, notAfter);

            using var coordinatorKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=coordinator", coordinatorKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.Create(authority, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));

            var result = new ConsortiumCertificates(Path.Combine(folder, "consortium-ca.pem"), Path.Combine(folder, "coordinator.pem"), Path.Combine(folder, "coordinator.key"));
            File.WriteAllText(result.AuthorityPath, authority.ExportCertificatePem());
            File.WriteAllText(result.CertificatePath, certificate.ExportCertificatePem());
            File.WriteAllText(result.KeyPath, coordinatorKey.ExportPkcs8PrivateKeyPem());
            return result;
        }
    }
}

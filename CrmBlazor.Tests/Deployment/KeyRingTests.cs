using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CrmBlazor.Domain;
using CrmBlazor.Domain.Data;
using CrmBlazor.Hosting;
using CrmBlazor.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Deployment;

/// <summary>The Data Protection key ring lives in the database: every instance and every restart reads the same keys.</summary>
public class KeyRingTests
{
    private const string Purpose = "CrmBlazor.Tests.KeyRing";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_payload_protected_by_one_instance_is_read_by_another_instance_on_the_same_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = Instance(database);
        await using var second = Instance(database);

        var payload = Protector(first).Protect("staff session");

        Assert.Equal("staff session", Protector(second).Unprotect(payload));
        Assert.Single(await KeysAsync(database));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_keys_survive_a_restart_and_no_new_key_is_made(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string payload;
        await using (var before = Instance(database)) payload = Protector(before).Protect("antiforgery");
        var stored = await KeysAsync(database);

        await using var after = Instance(database);

        Assert.Equal("antiforgery", Protector(after).Unprotect(payload));
        Protector(after).Protect("a new payload");
        Assert.Equal(stored, await KeysAsync(database));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_instance_on_another_database_cannot_read_the_payload(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var other = await TestDatabase.CreateAsync(provider);
        await using var first = Instance(database);
        await using var stranger = Instance(other);

        var payload = Protector(first).Protect("staff session");

        // Proves the keys come from the database, not from a folder the two instances of this test process share.
        Assert.ThrowsAny<CryptographicException>(() => Protector(stranger).Unprotect(payload));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task With_a_certificate_the_stored_key_is_encrypted_and_a_restart_still_reads_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var pfx = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"keyring-{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(pfx)!);
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=CrmBlazor key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "pfx-password",
        };
        try
        {
            string payload;
            await using (var before = Instance(database, settings)) payload = Protector(before).Protect("portal session");
            await using var after = Instance(database, settings);

            var xml = Assert.Single(await KeysAsync(database));
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
            Assert.Equal("portal session", Protector(after).Unprotect(payload));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public void A_relative_certificate_path_stops_the_start_with_a_message()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = "keys.pfx" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCrmKeyRing(configuration));

        Assert.Contains("absolute path", error.Message);
    }

    /// <summary>What one app instance has of the key ring: the domain's registrations plus the app's Data Protection setup.</summary>
    private static ServiceProvider Instance(TestDatabase database, Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrmDomain(database.Options, Path.GetTempPath());
        services.AddCrmKeyRing(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider instance) =>
        instance.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static async Task<List<string>> KeysAsync(TestDatabase database)
    {
        await using var db = database.Factory.CreateDbContext();
        return await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync();
    }
}

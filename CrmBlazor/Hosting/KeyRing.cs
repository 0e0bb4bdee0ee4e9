using System.Security.Cryptography.X509Certificates;
using CrmBlazor.Domain.Data;
using Microsoft.AspNetCore.DataProtection;

namespace CrmBlazor.Hosting;

/// <summary>"DataProtection" in appsettings.json.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>An absolute path to a PKCS#12 (.pfx) file with a private key; empty: the keys are stored unencrypted.</summary>
    public string CertificatePath { get; set; } = string.Empty;

    /// <summary>The .pfx password; set it from the environment (DataProtection__CertificatePassword), not in the file.</summary>
    public string CertificatePassword { get; set; } = string.Empty;
}

/// <summary>
/// The Data Protection key ring (staff and portal cookies, antiforgery tokens) lives in the database, so every
/// instance behind the proxy reads and writes the same keys and a restart or a new container signs nobody out.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "CrmBlazor";

    public static IServiceCollection AddCrmKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        // PersistKeysToDbContext opens a scope of its own for each read or write of the key ring and takes CrmDbContext
        // from it. AddCrmDomain already registers exactly that scoped context (made by CrmDbContextFactory, of the
        // configured provider) for Identity's stores, so the stock repository works as it is: no IXmlRepository of ours.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<CrmDbContext>();

        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (options.CertificatePath.Length > 0)
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(options));
        return services;
    }

    /// <summary>A missing file or a wrong password stops the start: running on with keys nobody can decrypt later is worse.</summary>
    private static X509Certificate2 LoadCertificate(KeyRingOptions options)
    {
        if (!Path.IsPathRooted(options.CertificatePath))
            throw new InvalidOperationException($"{KeyRingOptions.Section}:CertificatePath must be an absolute path (got '{options.CertificatePath}').");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{KeyRingOptions.Section}:CertificatePath has no private key: the key ring could be encrypted but never read back.");
        return certificate;
    }
}

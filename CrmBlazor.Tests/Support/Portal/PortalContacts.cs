using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Support.Portal;

/// <summary>A portal contact made for a test: its customer (a company), the person and the account, and how to sign in.</summary>
public sealed record PortalTestContact(long CustomerId, long PersonId, long AccountId, string Name, string Email, string Password);

/// <summary>
/// Portal contacts made directly, as the onboarding feature will make them (another feature's dialog): a company, a
/// linked person with an email, and a portal account whose password is set through <see cref="PortalPasswords.Set"/>.
/// </summary>
public static class PortalContacts
{
    public const string Password = "portal-password-2026";
    private static int _counter;

    public static async Task<PortalTestContact> CreateAsync(IServiceProvider services, ICurrentActor staff,
        PortalPermissions permissions = PortalPermissions.All, string language = "en", string? company = null, string? last = null)
    {
        var n = Interlocked.Increment(ref _counter);
        var clients = ActivatorUtilities.CreateInstance<ClientService>(services, staff);
        var companyId = await clients.CreateAsync(ClientBuilder.Company(company ?? $"Astillero Portal {n}-{Guid.NewGuid():N}"[..30].Trim()));
        var personId = await clients.CreateAsync(ClientBuilder.Person("Zofia", last ?? $"Portalska{n}", f => f.Language = language));
        await ActivatorUtilities.CreateInstance<ContactLinkService>(services, staff).LinkAsync(companyId, personId, "Buyer");
        return await AccountAsync(services, companyId, personId, permissions);
    }

    /// <summary>Another contact of the same customer, with its own permissions.</summary>
    public static async Task<PortalTestContact> ColleagueAsync(IServiceProvider services, ICurrentActor staff, long customerId, PortalPermissions permissions)
    {
        var n = Interlocked.Increment(ref _counter);
        var personId = await ActivatorUtilities.CreateInstance<ClientService>(services, staff).CreateAsync(ClientBuilder.Person("Jan", $"Kolega{n}", f => f.Language = "en"));
        await ActivatorUtilities.CreateInstance<ContactLinkService>(services, staff).LinkAsync(customerId, personId, "Accountant");
        return await AccountAsync(services, customerId, personId, permissions);
    }

    /// <summary>A portal account for an existing person, seeing <paramref name="customerId"/>'s records.</summary>
    public static async Task<PortalTestContact> AccountAsync(IServiceProvider services, long customerId, long personId, PortalPermissions permissions)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = services.GetRequiredService<CrmDbContextFactory>().CreateDbContext();
        var account = new PortalAccount(personId, customerId, permissions, now);
        services.GetRequiredService<PortalPasswords>().Set(account, Password, now);
        db.PortalAccounts.Add(account);
        await db.SaveChangesAsync();
        var person = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == personId);
        return new PortalTestContact(customerId, personId, account.Id, person.Name, person.Email, Password);
    }

    /// <summary>The contact as the portal resolves it on a request (PortalAuth.Contact).</summary>
    public static async Task<PortalContact> SessionAsync(IServiceProvider services, PortalTestContact contact)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<CrmDbContextFactory>().CreateDbContext();
        var stamp = await db.PortalAccounts.Where(a => a.Id == contact.AccountId).Select(a => a.SecurityStamp).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<PortalSessions>().ResolveAsync(contact.AccountId, stamp)
            ?? throw new InvalidOperationException("the portal refuses this contact");
    }

    public static Task<PortalTestContact> PortalContactAsync(this DomainHost host, PortalPermissions permissions = PortalPermissions.All, string language = "en") =>
        CreateAsync(host.Services, host.Actor, permissions, language);

    public static Task<PortalTestContact> ColleagueAsync(this DomainHost host, long customerId, PortalPermissions permissions) =>
        ColleagueAsync(host.Services, host.Actor, customerId, permissions);

    public static Task<PortalContact> SessionAsync(this DomainHost host, PortalTestContact contact) => SessionAsync(host.Services, contact);
}

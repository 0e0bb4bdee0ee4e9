using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Contacts;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Contacts;

/// <summary>Portal access of existing contacts and its modules (CON-5), set by staff only.</summary>
public class PortalAccessTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_5_new_contacts_get_the_modules_of_the_settings_and_a_change_reaches_the_next_portal_request(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        await settings.SavePortalAsync(true, PortalPermissions.Invoices | PortalPermissions.Support, (await settings.PortalAsync()).Version);
        var company = await host.CreateAsync(ClientBuilder.Company());
        Assert.Equal(PortalPermissions.Invoices | PortalPermissions.Support, (await host.Onboarding().DefaultsAsync(company)).Permissions);
        var person = await host.Onboarding().CreateContactAsync(company, ContactData.Contact(change: f => f.Password = "a-long-enough-password"));
        var account = (await host.AccountAsync(person))!;

        await host.Onboarding().SetPermissionsAsync(person, PortalPermissions.Estimates | PortalPermissions.Projects);

        var contact = (await host.Get<PortalSessions>().ResolveAsync(account.Id, account.SecurityStamp))!;
        Assert.True(contact.May(PortalPermissions.Estimates));
        Assert.False(contact.May(PortalPermissions.Invoices));
        var view = (await host.Onboarding().AccessAsync(company))[person];
        Assert.Equal((PortalPermissions.Estimates | PortalPermissions.Projects, true), (view.Permissions, view.HasPassword));
        await using var db = host.Db();
        var changed = await db.History.Where(h => h.Kind == HistoryKind.PortalPermissionsChanged).Select(h => h.ClientId!.Value).ToListAsync();
        Assert.Equal(new[] { company, person }.Order(), changed.Order());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_5_removing_access_ends_the_open_session_and_access_can_be_given_again_with_a_new_link(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (company, person) = await host.CompanyWithContactAsync(f => f.Password = "a-long-enough-password");
        var account = (await host.AccountAsync(person))!;

        await host.Onboarding().RemoveAccessAsync(person);

        Assert.Null(await host.Get<PortalSessions>().ResolveAsync(account.Id, account.SecurityStamp));
        Assert.Empty(await host.Onboarding().AccessAsync(company));
        await Expect.RefusedAsync(() => host.Onboarding().SetPermissionsAsync(person, PortalPermissions.All), "Error.PortalNoAccess");

        await host.Onboarding().GrantAccessAsync(person, company, PortalPermissions.Invoices, sendSetPasswordEmail: true);
        Assert.Equal(PortalPermissions.Invoices, (await host.AccountAsync(person))!.Permissions);
        Assert.Equal(2, (await host.MailsToAsync(person)).Count(m => m.Kind == MailKind.SetPassword));
        await Expect.RefusedAsync(() => host.Onboarding().GrantAccessAsync(person, company, PortalPermissions.All, false), "Error.PortalAccessExists");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_5_access_is_given_for_a_company_the_person_works_at_or_for_a_person_customer_without_company(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company());
        var other = await host.CreateAsync(ClientBuilder.Company("Otra SL"));
        var linked = await host.CreateAsync(ClientBuilder.Person("Ana", "Ruiz"));
        await host.Get<ContactLinkService>().LinkAsync(company, linked, "Compras");
        var alone = await host.CreateAsync(ClientBuilder.Person("Piotr", "Nowak", f => f.IsCustomer = true));
        var noEmail = await host.CreateAsync(ClientBuilder.Person("Sin", "Correo", f => f.Email = ""));
        await host.Get<ContactLinkService>().LinkAsync(company, noEmail, "");

        await Expect.RefusedAsync(() => host.Onboarding().GrantAccessAsync(linked, other, PortalPermissions.All, false), "Error.PortalNotAContact");
        await Expect.RefusedAsync(() => host.Onboarding().GrantAccessAsync(linked, linked, PortalPermissions.All, false), "Error.PortalNotAContact");
        await Expect.RefusedAsync(() => host.Onboarding().GrantAccessAsync(noEmail, company, PortalPermissions.All, false), "Error.PortalNeedsEmail");
        await host.Onboarding().GrantAccessAsync(linked, company, PortalPermissions.All, sendSetPasswordEmail: false);
        await host.Onboarding().GrantAccessAsync(alone, alone, PortalPermissions.Invoices, sendSetPasswordEmail: true, sendWelcomeEmail: false);

        Assert.Equal(company, (await host.AccountAsync(linked))!.CustomerId);
        Assert.Equal(alone, (await host.AccountAsync(alone))!.CustomerId);
        Assert.Equal([MailKind.Welcome], (await host.MailsToAsync(linked)).Select(m => m.Kind));
        Assert.Equal([MailKind.SetPassword], (await host.MailsToAsync(alone)).Select(m => m.Kind));
        Assert.True((await host.Onboarding().AccessAsync(alone)).ContainsKey(alone));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_5_only_staff_manage_portal_access_and_only_settings_managers_change_its_defaults(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (company, person) = await host.CompanyWithContactAsync();
        var version = (await host.Get<SettingsService>().PortalAsync()).Version;
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Onboarding().AccessAsync(company));
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Onboarding().SetPermissionsAsync(person, PortalPermissions.None));
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Onboarding().SendSetPasswordEmailAsync(person));
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Onboarding().RemoveAccessAsync(person));
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Onboarding().GrantAccessAsync(person, company, PortalPermissions.All, false));
        host.Actor.Current = TestActor.Office;
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Get<SettingsService>().SavePortalAsync(false, PortalPermissions.None, version));
        await host.Onboarding().SetPermissionsAsync(person, PortalPermissions.None); // office staff manage contacts
        host.Actor.Current = TestActor.Admin;
        await host.Get<SettingsService>().SavePortalAsync(false, PortalPermissions.Support, version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Get<SettingsService>().SavePortalAsync(true, PortalPermissions.All, version));
        Assert.Equal((false, PortalPermissions.Support), ((await host.Get<SettingsService>().PortalAsync()).WelcomeEmailEnabled, (await host.Get<SettingsService>().PortalAsync()).DefaultPermissions));
    }
}

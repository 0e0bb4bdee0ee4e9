using System.Text.Json;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>Per-contact email notification toggles (CON-6).</summary>
public class ContactNotificationTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_6_a_new_contact_has_every_notification_on(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var id = await host.CreateAsync(ClientBuilder.Person());

        var stored = (await host.Get<ClientService>().GetAsync(id))!.Notifications;

        Assert.Equal(JsonSerializer.Serialize(new ContactNotifications()), JsonSerializer.Serialize(stored));
        Assert.All(typeof(ContactNotifications).GetProperties(), p => Assert.True((bool)p.GetValue(stored)!, p.Name));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_6_toggles_are_stored_read_back_and_recorded_in_the_history(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var id = await host.CreateAsync(ClientBuilder.Person());
        var wanted = new ContactNotifications { Invoice = false, Tickets = false, Task = false };

        Assert.Equal(2, await clients.SetNotificationsAsync(id, wanted, 1));
        wanted.Estimate = false; // the stored copy must not follow the caller's object

        var stored = (await clients.GetAsync(id))!;
        Assert.Equal((false, true, true, false, true, true, false),
            (stored.Notifications.Invoice, stored.Notifications.CreditNote, stored.Notifications.Estimate, stored.Notifications.Tickets,
             stored.Notifications.Project, stored.Notifications.Contract, stored.Notifications.Task));
        Assert.Equal(2, stored.Version);
        var entry = Assert.Single(await host.Get<HistoryService>().ListAsync(id, HistoryKind.NotificationsChanged));
        Assert.False(JsonSerializer.Deserialize<ContactNotifications>(entry.Data!)!.Invoice);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_6_only_persons_have_notifications_and_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var company = await host.CreateAsync(ClientBuilder.Company());
        var person = await host.CreateAsync(ClientBuilder.Person());
        var before = await host.CountsAsync();

        await Expect.RefusedAsync(() => clients.SetNotificationsAsync(company, new ContactNotifications { Invoice = false }, 1),
            "Error.OnlyPersonsHaveNotifications");
        await clients.SetNotificationsAsync(person, new ContactNotifications { Invoice = false }, 1);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => clients.SetNotificationsAsync(person, new ContactNotifications(), 1));

        Assert.False((await clients.GetAsync(person))!.Notifications.Invoice);
        Assert.Equal(1, (await clients.GetAsync(company))!.Version);
        Assert.Equal(before.History + 1, (await host.CountsAsync()).History);
    }
}

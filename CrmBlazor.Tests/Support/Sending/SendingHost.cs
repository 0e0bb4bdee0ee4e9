using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBlazor.Tests.Support.Sending;

/// <summary>Hosts and data for sending and reminder tests.</summary>
public static class SendingHost
{
    /// <summary>Deliberately not the address any test request comes from: links must use this.</summary>
    public const string PublicBaseUrl = "https://crm.example.test/office";

    public static Task<DomainHost> CreateAsync(DatabaseProvider provider, string gateway = "Sandbox", Action<IServiceCollection>? more = null) =>
        DomainHost.CreateAsync(provider, services =>
        {
            services.Configure<SendingOptions>(o => o.PublicBaseUrl = PublicBaseUrl);
            services.Configure<PaymentOptions>(o => o.Gateway = gateway);
            services.Replace(ServiceDescriptor.Singleton(new MailOptions { MessageIdDomain = "mail.example.test" }));
            more?.Invoke(services);
        });

    public static DocumentSendingService Sending(this DomainHost host) => host.Get<DocumentSendingService>();

    /// <summary>A company with the given contacts (first name, notifications change); returns the company and the persons.</summary>
    public static async Task<(long Company, long[] People)> CompanyWithContactsAsync(this DomainHost host, string name, params (string First, Action<ContactNotifications>? Change)[] people)
    {
        var company = await host.CreateAsync(ClientBuilder.Company(name, f => f.Language = "en"));
        var ids = new List<long>();
        foreach (var (first, change) in people)
        {
            var person = await host.CreateAsync(ClientBuilder.Person(first, "Contact"));
            await host.Get<ContactLinkService>().LinkAsync(company, person, "");
            if (change is not null) await host.NotifyAsync(person, change);
            ids.Add(person);
        }
        return (company, ids.ToArray());
    }

    public static async Task NotifyAsync(this DomainHost host, long personId, Action<ContactNotifications> change)
    {
        var clients = host.Get<ClientService>();
        var details = (await clients.GetAsync(personId))!;
        var toggles = details.Notifications.Copy();
        change(toggles);
        await clients.SetNotificationsAsync(personId, toggles, details.Version);
    }

    public static async Task<string> EmailOfAsync(this DomainHost host, long clientId) =>
        (await host.Get<ClientService>().GetAsync(clientId))!.Form.Email;

    public static async Task<List<OutboxMessage>> OutboxAsync(this DomainHost host)
    {
        await using var db = host.Db();
        return await db.Outbox.AsNoTracking().Include(m => m.Attachments).OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<(int Outbox, int Links, int History, int Reminders)> SendingCountsAsync(this DomainHost host)
    {
        await using var db = host.Db();
        return (await db.Outbox.CountAsync(), await db.PublicLinks.CountAsync(), await db.History.CountAsync(), await db.RemindersSent.CountAsync());
    }
}

using CrmBlazor.Domain.Contacts;
using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Portal;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support.Contacts;

/// <summary>Row counts of everything "new contact" writes: "nothing half-saved" compares two of them.</summary>
public sealed record ContactCounts(int Clients, int Links, int History, int Accounts, int Tokens, int Outbox);

public static partial class ContactData
{
    public static ContactOnboardingService Onboarding(this DomainHost host) => host.Get<ContactOnboardingService>();

    public static SetPasswordService SetPassword(this DomainHost host) => host.Get<SetPasswordService>();

    public static NewContactForm Contact(string first = "Lucía", string last = "Marín", string? email = null, Action<NewContactForm>? change = null)
    {
        var form = new NewContactForm
        {
            FirstName = first, LastName = last, Position = "Administración", Phone = "+34 944 000 111",
            Email = email ?? $"{first.ToLowerInvariant()}.{Guid.NewGuid():N}@cliente.example".Replace("í", "i", StringComparison.Ordinal),
            SendSetPasswordEmail = true,
        };
        change?.Invoke(form);
        return form;
    }

    public static async Task<(long Company, long Person)> CompanyWithContactAsync(this DomainHost host, Action<NewContactForm>? change = null)
    {
        var company = await host.CreateAsync(ClientBuilder.Company($"Astillero {Guid.NewGuid():N}"[..20]));
        var person = await host.Onboarding().CreateContactAsync(company, Contact(change: change));
        return (company, person);
    }

    public static async Task<ContactCounts> ContactCountsAsync(this DomainHost host)
    {
        await using var db = host.Db();
        return new ContactCounts(await db.Clients.CountAsync(), await db.ContactLinks.CountAsync(), await db.History.CountAsync(),
            await db.PortalAccounts.CountAsync(), await db.SetPasswordTokens.CountAsync(), await db.Outbox.CountAsync());
    }

    public static async Task<List<OutboxMessage>> MailsToAsync(this DomainHost host, long personId)
    {
        await using var db = host.Db();
        return await db.Outbox.AsNoTracking().Where(m => m.ClientId == personId).OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<PortalAccount?> AccountAsync(this DomainHost host, long personId)
    {
        await using var db = host.Db();
        return await db.PortalAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.PersonId == personId);
    }

    /// <summary>The token of the newest set-password email to the person, read from the email as the contact would.</summary>
    public static async Task<string> LinkTokenAsync(this DomainHost host, long personId)
    {
        var mail = (await host.MailsToAsync(personId)).Last(m => m.Kind == MailKind.SetPassword);
        return TokenIn(mail.TextBody);
    }

    public static string TokenIn(string text) => SetPasswordUrl().Match(text) is { Success: true } m ? m.Groups["token"].Value
        : throw new InvalidOperationException("No set-password link in: " + text);

    [GeneratedRegex(@"/portal/set-password/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex SetPasswordUrl();
}

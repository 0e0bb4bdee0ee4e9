using CrmBlazor.Domain.Contacts;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Portal;

/// <summary>
/// The set-password link (CON-4), used by a contact who is not signed in: it works once and for 48 hours
/// (inclusive). Using it is one UPDATE … WHERE "UsedAt" IS NULL that must change exactly one row, so two
/// tabs posting the same link at once set one password. Every way a link can fail gives the same answer.
/// </summary>
public sealed class SetPasswordService(CrmDbContextFactory dbs, TimeProvider clock, PortalPasswords passwords, PortalEmails emails, ChangeFeed feed)
{
    /// <summary>A contact may ask for a new link once per this time; more asks are answered the same and send nothing.</summary>
    public static readonly TimeSpan RequestInterval = TimeSpan.FromMinutes(2);

    public async Task<bool> IsUsableAsync(string? token, CancellationToken ct = default)
    {
        if (!PublicLinkToken.LooksValid(token)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = PublicLinkToken.Hash(token!);
        await using var db = dbs.CreateDbContext();
        var row = await (from t in db.SetPasswordTokens.AsNoTracking()
                         where t.TokenHash == hash
                         join a in db.PortalAccounts on t.PortalAccountId equals a.Id
                         select new { Token = t, a.PersonId, a.CustomerId }).FirstOrDefaultAsync(ct);
        return row is not null && row.Token.IsUsable(now) && !await ArchivedAsync(db, row.PersonId, row.CustomerId, ct);
    }

    /// <summary>
    /// Sets the password through the link. False: the link no longer works (used, expired, unknown, its account gone,
    /// its client archived). A password that breaks the rules is a field error and leaves the link usable.
    /// </summary>
    public async Task<bool> SetAsync(string? token, string password, string repeat, CancellationToken ct = default)
    {
        password ??= string.Empty;
        if (password.Length >= PortalPasswords.MinLength && password != (repeat ?? string.Empty))
            throw ValidationFailedException.For("Repeat", "Error.PasswordsDiffer");
        if (!PublicLinkToken.LooksValid(token)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = PublicLinkToken.Hash(token!);

        await using var db = dbs.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Check and mark in one statement: of two concurrent uses, only one changes the row.
        var taken = await db.SetPasswordTokens.Where(t => t.TokenHash == hash && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (taken != 1) return false;
        var link = await db.SetPasswordTokens.AsNoTracking().SingleAsync(t => t.TokenHash == hash, ct);
        if (now > link.ExpiresAt) return false; // rolled back: an expired link stays as it was
        var account = await db.PortalAccounts.SingleAsync(a => a.Id == link.PortalAccountId, ct);
        if (await ArchivedAsync(db, account.PersonId, account.CustomerId, ct)) return false;

        passwords.Set(account, password, now); // a refused password rolls the transaction back, the link still works
        // Older links of the same account die with the old password.
        await db.SetPasswordTokens.Where(t => t.PortalAccountId == account.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var person = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == account.PersonId, ct);
        var contact = ContactActor(person);
        var data = new PortalEmailData(person.Id, person.Name, person.Email);
        db.Record(person.Id, HistoryKind.PortalPasswordSet, contact, now, person.Email, data);
        if (account.CustomerId != person.Id) db.Record(account.CustomerId, HistoryKind.PortalPasswordSet, contact, now, person.Email, data);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        await feed.PublishAsync(new Change(Topics.Portal, person.Id, null, account.CustomerId));
        foreach (var id in new[] { person.Id, account.CustomerId }.Distinct())
        {
            // Open client pages show the contact's portal state: they reload on a change of their client.
            await feed.PublishAsync(new Change(Topics.Client, id, null, id));
            await feed.PublishAsync(new Change(Topics.History, null, null, id));
        }
        return true;
    }

    /// <summary>
    /// "Send me a new link": mails one when the address is a contact with portal access whose client is not archived,
    /// at most once per <see cref="RequestInterval"/>. The caller answers the same whatever happened here.
    /// </summary>
    public async Task RequestNewLinkAsync(string? email, CancellationToken ct = default)
    {
        var login = (email ?? string.Empty).Trim().ToLowerInvariant();
        if (login.Length == 0 || login.Length > ClientForm.EmailMax) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var row = await (from a in db.PortalAccounts
                         join p in db.Clients on a.PersonId equals p.Id
                         where p.Kind == ClientKind.Person && p.EmailLower == login
                         select new { Account = a, Person = p }).FirstOrDefaultAsync(ct);
        if (row is null || await ArchivedAsync(db, row.Account.PersonId, row.Account.CustomerId, ct)) return;
        var since = now - RequestInterval;
        if (await db.SetPasswordTokens.AnyAsync(t => t.PortalAccountId == row.Account.Id && t.CreatedAt > since, ct)) return;

        var organisation = await db.Settings.AsNoTracking().Select(s => s.CompanyName).SingleAsync(ct);
        emails.QueueSetPassword(db, row.Account, row.Person, organisation, now);
        var contact = ContactActor(row.Person);
        var data = new PortalEmailData(row.Person.Id, row.Person.Name, row.Person.Email);
        db.Record(row.Person.Id, HistoryKind.SetPasswordEmailQueued, contact, now, row.Person.Email, data);
        if (row.Account.CustomerId != row.Person.Id)
            db.Record(row.Account.CustomerId, HistoryKind.SetPasswordEmailQueued, contact, now, row.Person.Email, data);
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.Portal, row.Person.Id, null, row.Account.CustomerId));
    }

    /// <summary>The contact, acting in the portal: named in the history, with no staff role.</summary>
    private static Actor ContactActor(Client person) => new(null, person.Name, new HashSet<string>(), Users.ProfileRights.None);

    private static Task<bool> ArchivedAsync(CrmDbContext db, long personId, long customerId, CancellationToken ct) =>
        db.Clients.AnyAsync(c => (c.Id == personId || c.Id == customerId) && c.Status == ClientStatus.Archived, ct);
}

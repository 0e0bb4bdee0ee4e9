using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients;

/// <summary>Creating, reading and editing one client. Each method is one unit of work; changes are published after commit.</summary>
public sealed class ClientService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<ClientDetails?> GetAsync(long id, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var c = await db.Clients.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var links = c.Kind == ClientKind.Company
            ? await db.ContactLinks.AsNoTracking().Where(l => l.CompanyId == id).OrderByDescending(l => l.IsPrimary).ThenBy(l => l.Person.SortKey)
                .Select(l => new LinkedParty(l.PersonId, l.Person.Name, l.Position, l.IsPrimary, l.Person.Email, l.Person.Phone, l.Person.Status))
                .Take(500).ToListAsync(ct)
            : await db.ContactLinks.AsNoTracking().Where(l => l.PersonId == id).OrderBy(l => l.Company.SortKey)
                .Select(l => new LinkedParty(l.CompanyId, l.Company.Name, l.Position, l.IsPrimary, l.Company.Email, l.Company.Phone, l.Company.Status))
                .Take(500).ToListAsync(ct);
        return new ClientDetails(c.Id, c.Kind, c.Name, ClientForm.From(c), c.Status, c.CreatedAt, c.UpdatedAt, c.Version, c.Notifications.Copy(), links);
    }

    public async Task<long> CreateAsync(ClientForm form, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        var client = Client.Create(form, now);

        await using var db = dbs.CreateDbContext();
        await EnsureEmailFreeAsync(db, client, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Clients.Add(client);
        await db.SaveCheckedAsync(ct);
        db.Record(client.Id, HistoryKind.Created, actor, now, client.Name);
        await db.SaveCheckedAsync(ct);
        await tx.CommitAsync(ct);

        await feed.PublishAsync(new Change(Topics.Client, client.Id, actor.UserId, client.Id));
        return client.Id;
    }

    /// <summary>Saves an edit made from <paramref name="expectedVersion"/>; if someone saved in between, the edit is refused, not merged.</summary>
    public async Task<long> UpdateAsync(long id, ClientForm form, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;

        await using var db = dbs.CreateDbContext();
        var client = await LoadForEditAsync(db, id, expectedVersion, ct);
        var changes = client.Update(form, now);
        if (changes.Count == 0) return client.Version;
        await EnsureEmailFreeAsync(db, client, ct);
        db.Record(id, HistoryKind.Edited, actor, now, client.Name, changes);
        await db.SaveCheckedAsync(ct);

        await feed.PublishAsync(new Change(Topics.Client, id, actor.UserId, id));
        return client.Version;
    }

    /// <summary>Stores a contact's email notification toggles (CON-6).</summary>
    public async Task<long> SetNotificationsAsync(long id, ContactNotifications notifications, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;

        await using var db = dbs.CreateDbContext();
        var client = await LoadForEditAsync(db, id, expectedVersion, ct);
        client.SetNotifications(notifications, now);
        db.Record(id, HistoryKind.NotificationsChanged, actor, now, client.Name, notifications);
        await db.SaveCheckedAsync(ct);

        await feed.PublishAsync(new Change(Topics.Client, id, actor.UserId, id));
        return client.Version;
    }

    internal static async Task<Client> LoadForEditAsync(CrmDbContext db, long id, long expectedVersion, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new DomainException("Error.ClientNotFound");
        if (client.Status == ClientStatus.Archived) throw new DomainException("Error.ClientArchived");
        if (client.Version != expectedVersion) throw new ConcurrencyConflictException();
        return client;
    }

    private static async Task EnsureEmailFreeAsync(CrmDbContext db, Client client, CancellationToken ct)
    {
        if (client.Kind != ClientKind.Person || client.EmailLower.Length == 0) return;
        var taken = await db.Clients.AnyAsync(c => c.Kind == ClientKind.Person && c.EmailLower == client.EmailLower && c.Id != client.Id, ct);
        if (taken) throw ValidationFailedException.For(nameof(ClientForm.Email), "Error.EmailTaken");
    }
}

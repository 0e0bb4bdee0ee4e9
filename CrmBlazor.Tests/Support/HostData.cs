using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support;

/// <summary>Row counts of the tables a client change writes: "nothing half-saved" compares two of them.</summary>
public sealed record TableCounts(int Clients, int History, int Links);

/// <summary>Sets up and inspects data behind the services' back, for states no service makes yet.</summary>
public static class HostData
{
    public static Task<long> CreateAsync(this DomainHost host, ClientForm form) => host.Get<ClientService>().CreateAsync(form);

    /// <summary>Inserts clients in one save, without history: the n-th is created <paramref name="spacing"/> × n after now.</summary>
    public static async Task<long[]> InsertAsync(this DomainHost host, IEnumerable<ClientForm> forms, TimeSpan spacing = default)
    {
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var clients = forms.Select((form, i) => Client.Create(form, now + spacing * i)).ToList();
        await using var db = host.Db();
        db.Clients.AddRange(clients);
        await db.SaveChangesAsync();
        return clients.Select(c => c.Id).ToArray();
    }

    /// <summary>Inserts <paramref name="count"/> active companies "Bulk 1".."Bulk n" with one SQL statement (both providers).</summary>
    public static async Task BulkCompaniesAsync(this DomainHost host, int count)
    {
        await using var db = host.Db();
        await db.Database.ExecuteSqlRawAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0})
            INSERT INTO "Clients" ("Kind", "Name", "FirstName", "LastName", "Email", "Phone", "VatId", "Street", "PostalCode",
                "City", "Country", "IsCustomer", "IsSupplier", "Language", "Currency", "Status", "CreatedAt", "UpdatedAt", "Version",
                "SortKey", "SearchText", "EmailLower", "NameFolded", "CityFolded", "CountryFolded", "NotifyInvoice", "NotifyCreditNote",
                "NotifyEstimate", "NotifyTickets", "NotifyProject", "NotifyContract", "NotifyTask")
            SELECT 0, 'Bulk ' || i, '', '', '', '', '', '', '', '', '', TRUE, FALSE, 'en', 'EUR', 0, {1}, {1}, 1,
                'bulk ' || i, 'bulk ' || i, '', 'bulk ' || i, '', '', TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE
            FROM n
            """,
            count, host.Clock.GetUtcNow().UtcDateTime);
    }

    public static async Task DeactivateAsync(this DomainHost host, long id)
    {
        await using var db = host.Db();
        var client = await db.Clients.SingleAsync(c => c.Id == id);
        client.Deactivate(host.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    /// <summary>There is no archive service yet: set the status directly.</summary>
    public static async Task ArchiveAsync(this DomainHost host, long id)
    {
        await using var db = host.Db();
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Clients" SET "Status" = {0} WHERE "Id" = {1}""", (int)ClientStatus.Archived, id);
    }

    public static async Task<TableCounts> CountsAsync(this DomainHost host)
    {
        await using var db = host.Db();
        return new TableCounts(await db.Clients.CountAsync(), await db.History.CountAsync(), await db.ContactLinks.CountAsync());
    }

    public static async Task<Client> LoadAsync(this DomainHost host, long id)
    {
        await using var db = host.Db();
        return await db.Clients.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == id);
    }

    /// <summary>Every page of a list, following the cursors; fails if the walk does not end.</summary>
    public static async Task<List<ClientRow>> WalkAsync(this DomainHost host, ClientListRequest request)
    {
        var rows = new List<ClientRow>();
        var directory = host.Get<ClientDirectory>();
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 1000, "paging never ends");
            var page = await directory.ListAsync(request);
            Assert.True(page.Rows.Count <= request.PageSize);
            rows.AddRange(page.Rows);
            if (page.Next is null) return rows;
            request = request with { After = page.Next };
        }
    }
}

using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Portal;

/// <summary>
/// Checks a portal session against the database on every request (POR-1, ARC-2): the account must still
/// exist with the password it signed in with, and neither the contact nor the customer may be archived.
/// So archiving a client ends its contacts' open sessions at their next request, and restoring lets them in.
/// </summary>
public sealed class PortalSessions(CrmDbContextFactory dbs)
{
    public async Task<PortalContact?> ResolveAsync(long accountId, string securityStamp, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        var row = await (
            from account in db.PortalAccounts
            join person in db.Clients on account.PersonId equals person.Id
            join customer in db.Clients on account.CustomerId equals customer.Id
            where account.Id == accountId
            select new { account, person.Name, person.Email, person.Language, PersonStatus = person.Status, CustomerStatus = customer.Status })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null || !row.account.HasPassword || row.account.SecurityStamp != securityStamp) return null;
        if (row.PersonStatus == ClientStatus.Archived || row.CustomerStatus == ClientStatus.Archived) return null;
        return new PortalContact(row.account.Id, row.account.PersonId, row.account.CustomerId, row.Name, row.Email, row.Language, row.account.Permissions);
    }

    /// <summary>The organisation's name for the portal's header: public, printed on every document anyway.</summary>
    public async Task<string> OrganisationNameAsync(CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        return await db.Settings.AsNoTracking().Select(s => s.CompanyName).SingleAsync(ct);
    }
}

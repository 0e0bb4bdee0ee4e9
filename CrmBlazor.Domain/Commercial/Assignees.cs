using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Commercial;

/// <summary>A staff user who may be given follow-ups and deals: a salesperson or an administrator, not removed.</summary>
public sealed record AssigneeOption(string Id, string Name);

/// <summary>Who can be assigned commercial work, checked on the server whatever the select offered.</summary>
public static class Assignees
{
    public const int Max = 200;

    /// <summary>The rows of the select, by name.</summary>
    public static Task<List<AssigneeOption>> ListAsync(CrmDbContext db, CancellationToken ct)
    {
        var eligible = EligibleIds(db);
        return db.Users.AsNoTracking().Where(u => u.RemovedAt == null && eligible.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Take(Max).Select(u => new AssigneeOption(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>
    /// Checks <paramref name="userId"/> and returns their name, or adds the reason to <paramref name="field"/>: nobody chosen,
    /// unknown, removed ("X was removed; choose someone else"), or not in sales nor admin.
    /// </summary>
    public static async Task<string?> CheckAsync(CrmDbContext db, string? userId, string field, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            errors.Add(field, "Error.SalespersonRequired");
            return null;
        }
        var eligible = EligibleIds(db);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.RemovedAt, Eligible = eligible.Contains(u.Id) }).SingleOrDefaultAsync(ct);
        if (user is null) errors.Add(field, "Error.UserNotFound");
        // The name travels as the message's argument, after the '|' that separates arguments.
        else if (user.RemovedAt is not null) errors.Add(field, $"Error.UserRemoved|{user.DisplayName.Replace('|', '/')}");
        else if (!user.Eligible) errors.Add(field, "Error.UserNotSalesperson");
        else return user.DisplayName;
        return null;
    }

    /// <summary>Names of users for display, removed ones included (their records stay).</summary>
    public static async Task<Dictionary<string, (string Name, bool Removed)>> NamesAsync(CrmDbContext db, IEnumerable<string?> ids, CancellationToken ct)
    {
        var list = ids.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.RemovedAt != null), ct);
    }

    private static IQueryable<string> EligibleIds(CrmDbContext db) =>
        from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == StaffRoles.Sales || r.Name == StaffRoles.Admin select ur.UserId;
}

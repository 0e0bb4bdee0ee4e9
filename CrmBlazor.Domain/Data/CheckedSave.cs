using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Data;

/// <summary>
/// SaveChanges that turns the database's last word on a lost race into the same messages the
/// services' own checks give: a concurrency conflict, or a person's email already taken.
/// </summary>
public static class CheckedSave
{
    public static async Task SaveCheckedAsync(this CrmDbContext db, CancellationToken ct, string conflictKey = "Error.ConcurrentEdit")
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(conflictKey);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex, UniqueIndexes.PersonEmail))
        {
            throw ValidationFailedException.For(nameof(ClientForm.Email), "Error.EmailTaken");
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex, UniqueIndexes.ContactLinkPair, UniqueIndexes.ContactLinkOnePrimary))
        {
            // Two staff changed the same company's contacts at once and the one-primary (or one-link) index decided.
            throw new ConcurrencyConflictException(conflictKey);
        }
    }
}

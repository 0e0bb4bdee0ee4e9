using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Portal;

public enum PortalSignInOutcome
{
    SignedIn,
    /// <summary>Wrong email or password, no portal access, or an archived client: one answer for all, nothing revealed.</summary>
    Refused,
    LockedOut,
}

public sealed record PortalSignInResult(PortalSignInOutcome Outcome, long AccountId = 0, string SecurityStamp = "");

/// <summary>
/// Contacts sign in to the portal with their email and password (POR-1): five wrong passwords in a row lock
/// the account for 15 minutes; contacts of an archived client are refused (ARC-2).
/// </summary>
public sealed class PortalSignIn(CrmDbContextFactory dbs, TimeProvider clock, IPasswordHasher<PortalAccount> hasher)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public async Task<PortalSignInResult> SignInAsync(string email, string password, CancellationToken ct = default)
    {
        var login = (email ?? string.Empty).Trim().ToLowerInvariant();
        password ??= string.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        if (login.Length == 0 || password.Length == 0) return new(PortalSignInOutcome.Refused);

        await using var db = dbs.CreateDbContext();
        var row = await (
            from a in db.PortalAccounts
            join person in db.Clients on a.PersonId equals person.Id
            join customer in db.Clients on a.CustomerId equals customer.Id
            where person.Kind == ClientKind.Person && person.EmailLower == login
            select new { account = a, PersonStatus = person.Status, CustomerStatus = customer.Status })
            .FirstOrDefaultAsync(ct);
        if (row is null || !row.account.HasPassword)
        {
            // Same work as a real check, so the answer's timing does not tell which addresses have an account.
            hasher.VerifyHashedPassword(Unknown, UnknownHash, password);
            return new(PortalSignInOutcome.Refused);
        }

        var account = row.account;
        if (account.IsLockedOut(now)) return new(PortalSignInOutcome.LockedOut);
        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.RecordFailedSignIn(now, MaxFailures, LockoutTime);
            await db.SaveChangesAsync(ct);
            return new(account.IsLockedOut(now) ? PortalSignInOutcome.LockedOut : PortalSignInOutcome.Refused);
        }
        if (row.PersonStatus == ClientStatus.Archived || row.CustomerStatus == ClientStatus.Archived)
            return new(PortalSignInOutcome.Refused);

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            account.SetPasswordHash(hasher.HashPassword(account, password), now);
        account.RecordSignIn(now);
        await db.SaveChangesAsync(ct);
        return new(PortalSignInOutcome.SignedIn, account.Id, account.SecurityStamp);
    }

    private static readonly PortalAccount Unknown = new(0, 0, PortalPermissions.None, DateTime.UnixEpoch);
    private static readonly string UnknownHash = new PasswordHasher<PortalAccount>().HashPassword(Unknown, Guid.NewGuid().ToString());
}

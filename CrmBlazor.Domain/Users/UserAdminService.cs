using System.Net.Mail;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Users;

public sealed record UserView(string Id, string Email, string DisplayName, string Role, ProfileRights Rights, string Culture, bool IsLockedOut,
    DateTime? RemovedAt = null);

public sealed record NewUser(string Email, string DisplayName, string Role, ProfileRights Rights, string Password, string Culture = "en");

/// <summary>
/// Staff accounts (NF-2): invite, change role and rights, language. Identity's managers are scoped
/// to a context, so each call makes its own short scope instead of holding one in a circuit.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public static ProfileRights DefaultRights(string role) => role == StaffRoles.Admin ? ProfileRights.All : ProfileRights.None;

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct = default)
    {
        (await actors.GetAsync()).Require(ProfileRights.ManageUsers);
        await using var db = dbs.CreateDbContext();
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Take(500).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return users.Select(u => new UserView(u.Id, u.Email ?? "", u.DisplayName,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "", u.Rights, u.Culture,
            u.LockoutEnd is { } end && end > now, u.RemovedAt)).ToList();
    }

    /// <summary>Creates a staff user with a first password set by the admin.</summary>
    public async Task<string> InviteAsync(NewUser input, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageUsers);
        var errors = new FieldErrors();
        var email = (input.Email ?? "").Trim();
        if (email.Length == 0) errors.Add("Email", "Error.Required");
        else if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email) errors.Add("Email", "Error.EmailInvalid");
        if (string.IsNullOrWhiteSpace(input.DisplayName)) errors.Add("DisplayName", "Error.Required");
        else if (input.DisplayName.Trim().Length > 200) errors.Add("DisplayName", "Error.TooLong|200");
        if (!StaffRoles.All.Contains(input.Role)) errors.Add("Role", "Error.RoleInvalid");
        if (!SupportedLanguages.IsSupported(input.Culture)) errors.Add("Culture", "Error.LanguageInvalid");
        if (string.IsNullOrEmpty(input.Password)) errors.Add("Password", "Error.Required");
        errors.ThrowIfAny();

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null) throw ValidationFailedException.For("Email", "Error.EmailTaken");
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, new AppUser(), input.Password);
            if (!check.Succeeded) throw ValidationFailedException.For("Password", "Error.PasswordWeak");
        }

        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = input.DisplayName.Trim(), Rights = input.Rights, Culture = input.Culture };
        Ensure(await users.CreateAsync(user, input.Password));
        Ensure(await users.AddToRoleAsync(user, input.Role));
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "user.invited", email, $"{input.Role}:{input.Rights}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await feed.PublishAsync(new Change(Topics.User, null, actor.UserId));
        return user.Id;
    }

    /// <summary>Changes a user's role and rights; the last user who can manage users cannot lose that right.</summary>
    public async Task ChangeRoleAsync(string userId, string role, ProfileRights rights, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageUsers);
        if (!StaffRoles.All.Contains(role)) throw ValidationFailedException.For("Role", "Error.RoleInvalid");

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException("Error.UserNotFound");
        if ((rights & ProfileRights.ManageUsers) == 0 && (user.Rights & ProfileRights.ManageUsers) != 0
            && !await db.Users.AnyAsync(u => u.Id != userId && (u.Rights & ProfileRights.ManageUsers) != 0, ct))
            throw new DomainException("Error.LastUserManager");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Ensure(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
        Ensure(await users.AddToRoleAsync(user, role));
        user.Rights = rights;
        Ensure(await users.UpdateAsync(user));
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "user.role-changed", user.Email ?? userId, $"{role}:{rights}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await feed.PublishAsync(new Change(Topics.User, null, actor.UserId));
    }

    /// <summary>
    /// Removes a user: no more sign-in, not offered for new follow-ups and deals; what they did and own stays, under their name.
    /// Nobody removes themself, nor the last user who can manage users.
    /// </summary>
    public async Task RemoveAsync(string userId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageUsers);
        if (userId == actor.UserId) throw new DomainException("Error.UserRemoveSelf");
        await using var db = dbs.CreateDbContext();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new DomainException("Error.UserNotFound");
        if (user.RemovedAt is not null) return;
        if ((user.Rights & ProfileRights.ManageUsers) != 0
            && !await db.Users.AnyAsync(u => u.Id != userId && u.RemovedAt == null && (u.Rights & ProfileRights.ManageUsers) != 0, ct))
            throw new DomainException("Error.LastUserManager");
        var now = clock.GetUtcNow().UtcDateTime;
        user.RemovedAt = now;
        // A new stamp ends the sessions the user still has open at the next cookie check.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        db.Audit.Add(new AuditEntry(now, actor.UserId, actor.Name, "user.removed", user.Email ?? userId, string.Empty));
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.User, null, actor.UserId));
    }

    public async Task RestoreAsync(string userId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageUsers);
        await using var db = dbs.CreateDbContext();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new DomainException("Error.UserNotFound");
        if (user.RemovedAt is null) return;
        user.RemovedAt = null;
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "user.restored", user.Email ?? userId, string.Empty));
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.User, null, actor.UserId));
    }

    /// <summary>Each user picks their own UI language (NF-1).</summary>
    public async Task SetMyCultureAsync(string culture, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        if (!SupportedLanguages.IsSupported(culture)) throw ValidationFailedException.For("Culture", "Error.LanguageInvalid");
        if (actor.UserId is null) return;
        await using var db = dbs.CreateDbContext();
        await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, culture), ct);
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainException("Error.IdentityFailed", null, string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}

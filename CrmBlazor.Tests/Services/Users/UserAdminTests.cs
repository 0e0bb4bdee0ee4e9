using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Users;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Users;

/// <summary>Staff accounts, roles and profile rights, enforced in the service layer (NF-2) and audited (NF-4).</summary>
public class UserAdminTests
{
    private static NewUser Valid(string email = "marta@example.com", string role = StaffRoles.Office, ProfileRights rights = ProfileRights.None) =>
        new(email, "Marta Office", role, rights, "correct horse", "es");

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_managing_users_needs_the_manage_users_right(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var users = host.Get<UserAdminService>();
        var id = await users.InviteAsync(Valid());

        foreach (var actor in new[] { TestActor.Office, TestActor.Sales, Actor.Anonymous })
        {
            host.Actor.Current = actor;
            await Assert.ThrowsAsync<NotAllowedException>(() => users.ListAsync());
            await Assert.ThrowsAsync<NotAllowedException>(() => users.InviteAsync(Valid("other@example.com")));
            await Assert.ThrowsAsync<NotAllowedException>(() => users.ChangeRoleAsync(id, StaffRoles.Admin, ProfileRights.All));
        }

        host.Actor.Current = TestActor.Admin;
        var only = Assert.Single(await users.ListAsync());
        Assert.Equal((StaffRoles.Office, ProfileRights.None), (only.Role, only.Rights));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_an_invited_user_is_listed_with_role_rights_and_language_and_the_invite_is_audited(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var users = host.Get<UserAdminService>();
        host.Clock.Advance(TimeSpan.FromHours(1));

        var id = await users.InviteAsync(new NewUser("  piotr@example.com ", " Piotr Sales ", StaffRoles.Sales, ProfileRights.DeleteMatters, "0123456789", "pl"));

        var user = Assert.Single(await users.ListAsync());
        Assert.Equal((id, "piotr@example.com", "Piotr Sales", StaffRoles.Sales, ProfileRights.DeleteMatters, "pl", false),
            (user.Id, user.Email, user.DisplayName, user.Role, user.Rights, user.Culture, user.IsLockedOut));
        await using var db = host.Db();
        var audit = await db.Audit.SingleAsync();
        Assert.Equal(("user.invited", "piotr@example.com", "Ana Admin", "admin-1", host.Clock.GetUtcNow().UtcDateTime),
            (audit.Action, audit.Subject, audit.ActorName, audit.UserId, audit.At));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_an_invite_with_bad_fields_gets_an_error_per_field_and_creates_nobody(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var users = host.Get<UserAdminService>();

        var all = await Assert.ThrowsAsync<ValidationFailedException>(() => users.InviteAsync(new NewUser("", " ", "boss", ProfileRights.None, "", "de")));
        Assert.Equal(new Dictionary<string, string>
        {
            ["Email"] = "Error.Required", ["DisplayName"] = "Error.Required", ["Role"] = "Error.RoleInvalid",
            ["Culture"] = "Error.LanguageInvalid", ["Password"] = "Error.Required",
        }, all.Errors.ToDictionary());
        await Expect.FieldErrorAsync(() => users.InviteAsync(Valid("not an email")), "Email", "Error.EmailInvalid");
        await Expect.FieldErrorAsync(() => users.InviteAsync(Valid("Marta <marta@example.com>")), "Email", "Error.EmailInvalid");
        await Expect.FieldErrorAsync(() => users.InviteAsync(Valid() with { DisplayName = new string('n', 201) }), "DisplayName", "Error.TooLong|200");
        await Expect.FieldErrorAsync(() => users.InviteAsync(Valid() with { Password = "123456789" }), "Password", "Error.PasswordWeak");

        await using (var db = host.Db())
        {
            Assert.Empty(db.Users);
            Assert.Empty(db.Audit);
        }
        await users.InviteAsync(Valid());
        await Expect.FieldErrorAsync(() => users.InviteAsync(Valid("MARTA@example.com")), "Email", "Error.EmailTaken");
        Assert.Single(await users.ListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_the_last_user_who_can_manage_users_cannot_lose_that_right(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var users = host.Get<UserAdminService>();
        var first = await users.InviteAsync(Valid("first@example.com", StaffRoles.Admin, ProfileRights.All));

        await Expect.RefusedAsync(() => users.ChangeRoleAsync(first, StaffRoles.Office, ProfileRights.DeleteMatters), "Error.LastUserManager");
        await users.ChangeRoleAsync(first, StaffRoles.Office, ProfileRights.ManageUsers);
        Assert.Equal((StaffRoles.Office, ProfileRights.ManageUsers), Role(Assert.Single(await users.ListAsync())));

        var second = await users.InviteAsync(Valid("second@example.com", StaffRoles.Admin, ProfileRights.All));
        await users.ChangeRoleAsync(first, StaffRoles.Sales, ProfileRights.None);
        await Expect.RefusedAsync(() => users.ChangeRoleAsync(second, StaffRoles.Sales, ProfileRights.None), "Error.LastUserManager");

        var listed = (await users.ListAsync()).ToDictionary(u => u.Id, Role);
        Assert.Equal((StaffRoles.Sales, ProfileRights.None), listed[first]);
        Assert.Equal((StaffRoles.Admin, ProfileRights.All), listed[second]);
        await Expect.FieldErrorAsync(() => users.ChangeRoleAsync(first, "root", ProfileRights.None), "Role", "Error.RoleInvalid");
        await Expect.RefusedAsync(() => users.ChangeRoleAsync("no-such-user", StaffRoles.Sales, ProfileRights.None), "Error.UserNotFound");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_4_role_changes_leave_an_audit_entry_with_who_when_and_what(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var users = host.Get<UserAdminService>();
        var id = await users.InviteAsync(Valid("marta@example.com"));
        host.Clock.Advance(TimeSpan.FromDays(1));

        await users.ChangeRoleAsync(id, StaffRoles.Sales, ProfileRights.DeleteMatters);
        await Expect.RefusedAsync(() => users.ChangeRoleAsync("missing", StaffRoles.Sales, ProfileRights.None), "Error.UserNotFound");

        await using var db = host.Db();
        var entries = await db.Audit.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["user.invited", "user.role-changed"], entries.Select(a => a.Action));
        var change = entries[1];
        Assert.Equal(("marta@example.com", "sales:DeleteMatters", "Ana Admin", host.Clock.GetUtcNow().UtcDateTime),
            (change.Subject, change.Data, change.ActorName, change.At));
    }

    private static (string Role, ProfileRights Rights) Role(UserView user) => (user.Role, user.Rights);
}

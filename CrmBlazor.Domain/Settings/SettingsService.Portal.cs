using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Settings;

public sealed record PortalSettings(bool WelcomeEmailEnabled, PortalPermissions DefaultPermissions, long Version);

/// <summary>The client portal's settings: the welcome email template on or off (CON-3), new contacts' modules (CON-5).</summary>
public sealed partial class SettingsService
{
    public async Task<PortalSettings> PortalAsync(CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await db.Settings.AsNoTracking().Select(s => new PortalSettings(s.WelcomeEmailEnabled, s.DefaultPortalPermissions, s.Version)).SingleAsync(ct);
    }

    public async Task<long> SavePortalAsync(bool welcomeEmailEnabled, PortalPermissions defaultPermissions, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageSettings);
        await using var db = dbs.CreateDbContext();
        var s = await db.Settings.SingleAsync(ct);
        if (s.Version != expectedVersion) throw new ConcurrencyConflictException();
        s.WelcomeEmailEnabled = welcomeEmailEnabled;
        s.DefaultPortalPermissions = defaultPermissions & PortalPermissions.All;
        s.Touch();
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "settings.portal",
            $"welcome {(welcomeEmailEnabled ? "on" : "off")}, modules {s.DefaultPortalPermissions}"));
        await db.SaveCheckedAsync(ct);
        await feed.PublishAsync(new Change(Topics.Settings, OrganisationSettings.SingletonId, actor.UserId));
        return s.Version;
    }
}

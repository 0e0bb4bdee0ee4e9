using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Reminders;

public sealed record ReminderSettings(string Days, bool Enabled, long Version);

/// <summary>The reminder levels and the on/off switch of the organisation settings; changing them needs ManageSettings.</summary>
public sealed class ReminderSettingsService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<ReminderSettings> GetAsync(CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await db.Settings.AsNoTracking().Select(s => new ReminderSettings(s.ReminderDays, s.RemindersEnabled, s.Version)).SingleAsync(ct);
    }

    /// <summary>Saves "3, 10, 30"-style levels (stored as "3,10,30") and the switch; returns the new settings version.</summary>
    public async Task<long> SaveAsync(string days, bool enabled, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageSettings);
        if (!ReminderLevels.TryParse(days, out var levels))
            throw ValidationFailedException.For(nameof(OrganisationSettings.ReminderDays), $"Error.ReminderDaysInvalid|{ReminderLevels.Max}");
        await using var db = dbs.CreateDbContext();
        var s = await db.Settings.SingleAsync(ct);
        if (s.Version != expectedVersion) throw new ConcurrencyConflictException();
        s.ReminderDays = ReminderLevels.Format(levels);
        s.RemindersEnabled = enabled;
        s.Touch();
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "settings.reminders", $"{s.ReminderDays} {(enabled ? "on" : "off")}"));
        await db.SaveCheckedAsync(ct);
        await feed.PublishAsync(new Change(Topics.Settings, OrganisationSettings.SingletonId, actor.UserId));
        return s.Version;
    }
}

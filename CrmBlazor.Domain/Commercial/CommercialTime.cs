using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Commercial;

/// <summary>
/// Follow-ups are stored in UTC and entered and grouped in the organisation's time zone (<see cref="CommercialOptions.TimeZone"/>),
/// so a salesperson in Madrid and a colleague whose browser is elsewhere see the same "today".
/// </summary>
public sealed class CommercialTime(IOptions<CommercialOptions> options, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public int PastDaysAllowed => options.Value.PastDaysAllowed;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow));

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// A wall-clock time in the organisation's zone as UTC. A time inside the spring-forward gap (02:30 on the last Sunday
    /// of March in Madrid) does not exist and is taken an hour later; an autumn time that happens twice is the first one.
    /// </summary>
    public DateTime ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>Where the organisation's day <paramref name="date"/> begins, in UTC.</summary>
    public DateTime StartOfDayUtc(DateOnly date) => ToUtc(date, TimeOnly.MinValue);
}

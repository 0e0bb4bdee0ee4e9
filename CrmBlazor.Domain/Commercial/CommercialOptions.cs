namespace CrmBlazor.Domain.Commercial;

/// <summary>Configuration section "Commercial".</summary>
public sealed class CommercialOptions
{
    public const string Section = "Commercial";

    /// <summary>
    /// The organisation's time zone (IANA id): staff type follow-up times in it, and "today" on "My follow-ups" is its day.
    /// The organisation settings carry no time zone yet, so it is configured here.
    /// </summary>
    public string TimeZone { get; set; } = "Europe/Madrid";

    /// <summary>A follow-up may be recorded late (a call made last week), but not due more than this many days ago.</summary>
    public int PastDaysAllowed { get; set; } = 7;
}

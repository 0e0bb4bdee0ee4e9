namespace CrmBlazor.Domain.Matters;

public enum ActivityKind
{
    Time = 0,
    Expense = 1,
}

/// <summary>
/// Time or an expense recorded on a matter. Attributed to one client of the matter, or common to all its active
/// clients (<see cref="ClientId"/> null), whose split is kept in <see cref="ActivityShare"/> rows. Billed activities
/// (on a matter proforma) never change again (MAT-7).
/// </summary>
public class Activity
{
    public const int DescriptionMax = 1000;

    public long Id { get; private set; }
    public long MatterId { get; private set; }
    public ActivityKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    /// <summary>Time only: minutes worked (&gt; 0).</summary>
    public int? DurationMinutes { get; private set; }
    /// <summary>Time only: hourly rate in minor units.</summary>
    public long? HourlyRateMinor { get; private set; }
    /// <summary>What it costs the client(s), in minor units of the matter's currency (&gt; 0): for time, minutes × rate / 60 rounded half away from zero.</summary>
    public long AmountMinor { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public bool Billable { get; private set; }
    /// <summary>The one client it is for; null when common to the matter's active clients.</summary>
    public long? ClientId { get; private set; }
    public DateTime? BilledAt { get; private set; }
    /// <summary>The proforma it was billed on.</summary>
    public long? DocumentId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public long Version { get; private set; }

    private Activity() { }
}

using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Matters.Activities;

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

    public bool IsBilled => BilledAt is not null;

    /// <summary>A new activity from a form the service has validated against the matter (intervenant, client).</summary>
    internal static Activity Record(long matterId, ActivityForm form, DateTime now)
    {
        var activity = new Activity { MatterId = matterId, CreatedAt = now, Version = 1 };
        activity.Apply(form);
        return activity;
    }

    internal void Edit(ActivityForm form)
    {
        EnsureUnbilled();
        Apply(form);
        Version++;
    }

    /// <summary>Moves the activity to another matter, for <paramref name="clientId"/> there or common (MAT-9).</summary>
    internal void MoveTo(long matterId, long? clientId)
    {
        EnsureUnbilled();
        MatterId = matterId;
        ClientId = clientId;
        Version++;
    }

    /// <summary>Put on a matter proforma: from now on it never changes (MAT-13).</summary>
    internal void MarkBilled(long? documentId, DateTime at)
    {
        EnsureUnbilled();
        BilledAt = at;
        DocumentId = documentId;
        Version++;
    }

    internal void EnsureUnbilled()
    {
        if (IsBilled) throw new DomainException("Error.ActivityBilled");
    }

    /// <summary>Time costs minutes × hourly rate / 60, rounded half away from zero to the minor unit.</summary>
    public static long TimeAmount(int minutes, long hourlyRateMinor) => MoneyMath.Round(minutes * (decimal)hourlyRateMinor / 60m);

    private void Apply(ActivityForm form)
    {
        Kind = form.Kind;
        Date = form.Date;
        UserId = form.UserId;
        Description = form.Description.Trim();
        Billable = form.Billable;
        ClientId = form.ClientId;
        if (form.Kind == ActivityKind.Time)
        {
            DurationMinutes = form.DurationMinutes;
            HourlyRateMinor = form.HourlyRateMinor;
            AmountMinor = TimeAmount(form.DurationMinutes!.Value, form.HourlyRateMinor!.Value);
        }
        else
        {
            DurationMinutes = null;
            HourlyRateMinor = null;
            AmountMinor = form.AmountMinor!.Value;
        }
    }
}

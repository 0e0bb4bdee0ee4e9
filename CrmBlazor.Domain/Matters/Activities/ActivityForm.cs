using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Matters.Activities;

/// <summary>What the activity dialog sends: time (minutes and hourly rate) or an expense (an amount), for one client or common.</summary>
public sealed class ActivityForm
{
    /// <summary>One entry is at most a day's work.</summary>
    public const int MinutesMax = 24 * 60;
    public const long HourlyRateMaxMinor = 100_000_00;
    public const long ExpenseMaxMinor = 100_000_000_00;

    public ActivityKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string UserId { get; set; } = string.Empty;
    public int? DurationMinutes { get; set; }
    public long? HourlyRateMinor { get; set; }
    /// <summary>Expenses only: the amount in minor units.</summary>
    public long? AmountMinor { get; set; }
    public string Description { get; set; } = string.Empty;
    public bool Billable { get; set; } = true;
    /// <summary>An active client of the matter, or null: common to its active clients, by the split.</summary>
    public long? ClientId { get; set; }

    /// <summary>The rules that need no database; the service adds intervenant and client checks to the same errors.</summary>
    public void Check(FieldErrors errors)
    {
        if (Date == default) errors.Add(nameof(Date), "Error.Required");
        if (string.IsNullOrWhiteSpace(UserId)) errors.Add(nameof(UserId), "Error.Required");
        if (string.IsNullOrWhiteSpace(Description)) errors.Add(nameof(Description), "Error.Required");
        else if (Description.Trim().Length > Activity.DescriptionMax) errors.Add(nameof(Description), $"Error.TooLong|{Activity.DescriptionMax}");
        if (Kind == ActivityKind.Time)
        {
            if (DurationMinutes is not { } minutes || minutes <= 0) errors.Add(nameof(DurationMinutes), "Error.ActivityDurationPositive");
            else if (minutes > MinutesMax) errors.Add(nameof(DurationMinutes), "Error.ActivityDurationMax");
            if (HourlyRateMinor is not { } rate || rate <= 0) errors.Add(nameof(HourlyRateMinor), "Error.ActivityRatePositive");
            else if (rate > HourlyRateMaxMinor) errors.Add(nameof(HourlyRateMinor), "Error.PriceRange");
            else if (DurationMinutes is > 0 and <= MinutesMax && Activity.TimeAmount(DurationMinutes.Value, rate) <= 0)
                errors.Add(nameof(HourlyRateMinor), "Error.ActivityAmountPositive");
        }
        else if (Kind == ActivityKind.Expense)
        {
            if (AmountMinor is not { } amount || amount <= 0) errors.Add(nameof(AmountMinor), "Error.ActivityAmountPositive");
            else if (amount > ExpenseMaxMinor) errors.Add(nameof(AmountMinor), "Error.PriceRange");
        }
        else errors.Add(nameof(Kind), "Error.Required");
    }

    public static ActivityForm From(Activity a) => new()
    {
        Kind = a.Kind, Date = a.Date, UserId = a.UserId, DurationMinutes = a.DurationMinutes, HourlyRateMinor = a.HourlyRateMinor,
        AmountMinor = a.Kind == ActivityKind.Expense ? a.AmountMinor : null, Description = a.Description, Billable = a.Billable, ClientId = a.ClientId,
    };
}

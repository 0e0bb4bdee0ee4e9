using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;

namespace CrmBlazor.Domain.Subscriptions;

/// <summary>What the create form sends.</summary>
public sealed class SubscriptionForm
{
    public const int MaxLines = 100;

    public string Title { get; set; } = string.Empty;
    public SubscriptionInterval Interval { get; set; } = SubscriptionInterval.Monthly;
    public DateOnly StartDate { get; set; }
    public bool AutoSend { get; set; }
    public List<LineInput> Lines { get; set; } = [];

    internal void Validate(IReadOnlyDictionary<long, decimal> activeTaxRates, DateOnly today)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(nameof(Title), "Error.Required");
        else if (Title.Trim().Length > Subscription.TitleMax) errors.Add(nameof(Title), $"Error.TooLong|{Subscription.TitleMax}");
        if (!Enum.IsDefined(Interval)) errors.Add(nameof(Interval), "Error.Required");
        // A start in the past would bill every missed period at once: a migrated subscription starts at its next due date.
        if (StartDate < today) errors.Add(nameof(StartDate), "Error.SubscriptionStartPast");
        if (Lines.Count == 0) errors.Add(nameof(Lines), "Error.NoLines");
        if (Lines.Count > MaxLines) errors.Add(nameof(Lines), $"Error.TooManyLines|{MaxLines}");
        else
            for (var i = 0; i < Lines.Count; i++)
            {
                Lines[i].Check(errors, i);
                if (Lines[i].TaxRateId is { } rate && !activeTaxRates.ContainsKey(rate)) errors.Add($"Lines[{i}].TaxRateId", "Error.TaxRateUnknown");
            }
        errors.ThrowIfAny();
    }
}

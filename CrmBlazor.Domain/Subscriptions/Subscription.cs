using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Subscriptions;

public enum SubscriptionInterval
{
    Monthly = 1,
    Quarterly = 3,
    Yearly = 12,
}

public enum SubscriptionStatus
{
    Active = 0,
    Ended = 1,
}

/// <summary>
/// Invoices a client the same lines every month, quarter or year. Ending is irreversible (DEA-4): an
/// ended subscription never bills again and has no way back; a new one must be created.
/// </summary>
public class Subscription
{
    public const int TitleMax = 200;

    private readonly List<SubscriptionLine> _lines = [];

    public long Id { get; private set; }
    public long ClientId { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public SubscriptionInterval Interval { get; private set; }
    public DateOnly StartDate { get; private set; }
    /// <summary>The start of the next period to invoice; invoiced on that day or, after downtime, at the next run.</summary>
    public DateOnly NextInvoiceDate { get; private set; }
    public int PeriodsInvoiced { get; private set; }
    /// <summary>Send each invoice through the outbox at once; otherwise it is issued and left for staff to send.</summary>
    public bool AutoSend { get; private set; }
    public SubscriptionStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public string EndedBy { get; private set; } = string.Empty;
    /// <summary>Bumped by billing and ending: whichever commits second is refused, so an ended subscription never bills.</summary>
    public long Version { get; private set; }

    public IReadOnlyList<SubscriptionLine> Lines => _lines;

    private Subscription() { }

    public static Subscription Create(long clientId, SubscriptionForm form, IReadOnlyDictionary<long, decimal> taxRates, DateTime now)
    {
        form.Validate(taxRates, DateOnly.FromDateTime(now));
        var subscription = new Subscription
        {
            ClientId = clientId, Title = form.Title.Trim(), Interval = form.Interval, StartDate = form.StartDate,
            NextInvoiceDate = form.StartDate, AutoSend = form.AutoSend, Status = SubscriptionStatus.Active, CreatedAt = now, Version = 1,
        };
        for (var i = 0; i < form.Lines.Count; i++) subscription._lines.Add(new SubscriptionLine(i, form.Lines[i]));
        return subscription;
    }

    public bool IsDue(DateOnly today) => Status == SubscriptionStatus.Active && NextInvoiceDate <= today;

    /// <summary>The period that <see cref="NextInvoiceDate"/> starts: its last day is the day before the next one starts.</summary>
    public (DateOnly Start, DateOnly End) NextPeriod() => (NextInvoiceDate, PeriodStart(PeriodsInvoiced + 1).AddDays(-1));

    /// <summary>Counted from the start date, so a subscription started on the 31st bills on the last day of shorter months and the 31st again after.</summary>
    private DateOnly PeriodStart(int index) => StartDate.AddMonths((int)Interval * index);

    internal void MarkPeriodInvoiced()
    {
        if (Status != SubscriptionStatus.Active) throw new DomainException("Error.SubscriptionEnded");
        PeriodsInvoiced++;
        NextInvoiceDate = PeriodStart(PeriodsInvoiced);
        Version++;
    }

    public void End(DateTime now, string by)
    {
        if (Status == SubscriptionStatus.Ended) throw new DomainException("Error.SubscriptionAlreadyEnded");
        Status = SubscriptionStatus.Ended;
        EndedAt = now;
        EndedBy = by;
        Version++;
    }

    public long NetPerPeriodMinor => _lines.Sum(l => l.NetMinor);
}

using CrmBlazor.Documents;
using CrmBlazor.Domain.Clients.Lifecycle;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Subscriptions;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Clients.Lifecycle;

/// <summary>History lines of deactivation, reactivation and subscriptions, in the reader's language (DEA-5, DEA-6).</summary>
public sealed class LifecycleHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
        [HistoryKind.ClientDeactivated, HistoryKind.ClientReactivated, HistoryKind.SubscriptionCreated, HistoryKind.SubscriptionEnded, HistoryKind.SubscriptionInvoiced];

    public string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.ClientDeactivated => Icons.Material.Filled.PauseCircle,
        HistoryKind.ClientReactivated => Icons.Material.Filled.PlayCircle,
        HistoryKind.SubscriptionEnded => Icons.Material.Filled.EventBusy,
        _ => Icons.Material.Filled.EventRepeat,
    };

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        switch (item.Kind)
        {
            case HistoryKind.ClientDeactivated when HistoryData.Parse<DeactivationData>(item.Data) is { } d:
                yield return d.HoldInvoices && d.HeldInvoices.Count > 0 ? t["Lifecycle.History.Held", string.Join(", ", d.HeldInvoices)] : t["Lifecycle.History.NotHeld"];
                yield return d.EndSubscriptions && d.EndedSubscriptions.Count > 0 ? t["Lifecycle.History.Ended", string.Join(", ", d.EndedSubscriptions)] : t["Lifecycle.History.NotEnded"];
                break;
            case HistoryKind.ClientReactivated when HistoryData.Parse<ReactivationData>(item.Data) is { } r:
                yield return t["Lifecycle.History.StillHeld", r.InvoicesOnHold, r.EndedSubscriptions];
                break;
            case HistoryKind.SubscriptionCreated or HistoryKind.SubscriptionEnded when HistoryData.Parse<SubscriptionData>(item.Data) is { } s:
                yield return $"{s.Title} ({t["Subscriptions.Interval." + s.Interval]})";
                break;
            case HistoryKind.SubscriptionInvoiced when HistoryData.Parse<SubscriptionInvoicedData>(item.Data) is { } i:
                yield return i.Number is { } number
                    ? t["Lifecycle.History.Invoiced", i.Title, i.PeriodStart.ToString("d"), i.PeriodEnd.ToString("d"), number]
                    : t["Lifecycle.History.InvoicedDraft", i.Title, i.PeriodStart.ToString("d"), i.PeriodEnd.ToString("d")];
                break;
            default:
                if (item.Text.Length > 0) yield return item.Text;
                break;
        }
    }

    public string? Link(HistoryItem item) =>
        item.Kind == HistoryKind.SubscriptionInvoiced && HistoryData.Parse<SubscriptionInvoicedData>(item.Data) is { } i ? DocumentText.Href(i.DocumentId) : null;
}

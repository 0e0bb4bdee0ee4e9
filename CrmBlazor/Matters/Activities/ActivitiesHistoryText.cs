using CrmBlazor.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Matters.Activities;

/// <summary>
/// Activity, split, transfer and matter proforma lines (kinds 65–69) in the reader's language: for a client's History
/// tab and for a matter's timeline (<see cref="Lines(HistoryKind, string?, Text)"/> takes a MatterEvent's kind and data).
/// </summary>
public static class ActivitiesHistoryText
{
    public static bool Handles(HistoryKind kind) => kind is HistoryKind.ActivityRecorded or HistoryKind.MatterSplitChanged
        or HistoryKind.ActivitiesTransferred or HistoryKind.MatterProformasDrafted;

    public static string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.MatterSplitChanged => Icons.Material.Filled.PieChart,
        HistoryKind.ActivitiesTransferred => Icons.Material.Filled.DriveFileMove,
        HistoryKind.MatterProformasDrafted => Icons.Material.Filled.RequestQuote,
        _ => Icons.Material.Filled.Schedule,
    };

    public static IEnumerable<string> Lines(HistoryItem item, Text t) => Lines(item.Kind, item.Data, t, item.Text);

    public static IEnumerable<string> Lines(HistoryKind kind, string? data, Text t, string fallback = "")
    {
        switch (kind)
        {
            case HistoryKind.ActivityRecorded when HistoryData.Parse<ActivityHistoryData>(data) is { } a:
                yield return t["ActivitiesHistory." + a.Change, a.Description, DocumentText.Money(a.AmountMinor, a.Currency)];
                break;
            case HistoryKind.MatterSplitChanged when HistoryData.Parse<SplitHistoryData>(data) is { } s:
                yield return t["ActivitiesHistory.Split", s.MatterNumber,
                    string.Join(", ", s.Parts.Select(p => $"{p.ClientName} {DocumentText.Percent(p.BasisPoints / 100m)}"))];
                break;
            case HistoryKind.ActivitiesTransferred when HistoryData.Parse<TransferHistoryData>(data) is { } x:
                yield return t.Plural("ActivitiesHistory.Transfer", x.Count, x.Count, DocumentText.Money(x.AmountMinor, x.Currency), x.FromNumber, x.ToNumber);
                if (x.MadeCommon > 0) yield return t.Plural("ActivitiesHistory.MadeCommon", x.MadeCommon);
                break;
            case HistoryKind.MatterProformasDrafted when HistoryData.Parse<ProformaHistoryData>(data) is { } p:
                yield return t.Plural("ActivitiesHistory.Proformas", p.Activities, p.MatterNumber, p.Activities, p.Proformas.Count);
                foreach (var part in p.Proformas) yield return $"{part.ClientName}: {DocumentText.Money(part.TotalMinor, p.Currency)}";
                break;
            default:
                if (fallback.Length > 0) yield return fallback;
                break;
        }
    }

    public static string? Link(HistoryItem item) => null;
}

using CrmBlazor.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Matters.Activities;

/// <summary>
/// Activity, split, transfer and matter proforma lines (kinds 65–69) in the reader's language, the same in a client's
/// History and on the matter's timeline.
/// </summary>
public sealed class ActivitiesHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
        [HistoryKind.ActivityRecorded, HistoryKind.MatterSplitChanged, HistoryKind.ActivitiesTransferred, HistoryKind.MatterProformasDrafted];

    public string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.MatterSplitChanged => Icons.Material.Filled.PieChart,
        HistoryKind.ActivitiesTransferred => Icons.Material.Filled.DriveFileMove,
        HistoryKind.MatterProformasDrafted => Icons.Material.Filled.RequestQuote,
        _ => Icons.Material.Filled.Schedule,
    };

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        switch (item.Kind)
        {
            case HistoryKind.ActivityRecorded when HistoryData.Parse<ActivityHistoryData>(item.Data) is { } a:
                yield return t["ActivitiesHistory." + a.Change, a.Description, DocumentText.Money(a.AmountMinor, a.Currency)];
                break;
            case HistoryKind.MatterSplitChanged when HistoryData.Parse<SplitHistoryData>(item.Data) is { } s:
                yield return t["ActivitiesHistory.Split", s.MatterNumber,
                    string.Join(", ", s.Parts.Select(p => $"{p.ClientName} {DocumentText.Percent(p.BasisPoints / 100m)}"))];
                break;
            case HistoryKind.ActivitiesTransferred when HistoryData.Parse<TransferHistoryData>(item.Data) is { } x:
                yield return t.Plural("ActivitiesHistory.Transfer", x.Count, x.Count, DocumentText.Money(x.AmountMinor, x.Currency), x.FromNumber, x.ToNumber);
                if (x.MadeCommon > 0) yield return t.Plural("ActivitiesHistory.MadeCommon", x.MadeCommon);
                break;
            case HistoryKind.MatterProformasDrafted when HistoryData.Parse<ProformaHistoryData>(item.Data) is { } p:
                yield return t.Plural("ActivitiesHistory.Proformas", p.Activities, p.MatterNumber, p.Activities, p.Proformas.Count);
                foreach (var part in p.Proformas) yield return $"{part.ClientName}: {DocumentText.Money(part.TotalMinor, p.Currency)}";
                break;
            default:
                if (item.Text.Length > 0) yield return item.Text;
                break;
        }
    }
}

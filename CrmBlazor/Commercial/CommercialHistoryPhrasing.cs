using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.History;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Commercial;

/// <summary>Follow-up and deal lines (kinds 80–88) of a client's History, in the reader's language (COM-3).</summary>
public sealed class CommercialHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
    [
        HistoryKind.FollowUpScheduled, HistoryKind.FollowUpReassigned, HistoryKind.FollowUpCompleted, HistoryKind.FollowUpEdited,
        HistoryKind.DealCreated, HistoryKind.DealStageChanged, HistoryKind.DealEdited, HistoryKind.DealQuoteCreated,
    ];

    public string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.FollowUpScheduled => Icons.Material.Filled.AddAlarm,
        HistoryKind.FollowUpReassigned => Icons.Material.Filled.SwapHoriz,
        HistoryKind.FollowUpCompleted => Icons.Material.Filled.TaskAlt,
        HistoryKind.FollowUpEdited => Icons.Material.Filled.EditCalendar,
        HistoryKind.DealQuoteCreated => Icons.Material.Filled.RequestQuote,
        _ => Icons.Material.Filled.Handshake,
    };

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        if (item.Kind <= HistoryKind.FollowUpEdited && HistoryData.Parse<FollowUpHistoryData>(item.Data) is { } f)
        {
            yield return t["FollowUps.History.Line", CommercialText.Kind(f.Kind, t), CommercialText.Due(f.DueLocal), f.AssignedTo];
            if (item.Kind == HistoryKind.FollowUpReassigned) yield return t["FollowUps.History.Reassigned", f.FromUser ?? "—", f.AssignedTo];
            if (item.Kind == HistoryKind.FollowUpCompleted) yield return t["FollowUps.History.Outcome", f.Outcome ?? string.Empty];
            else if (f.Notes.Length > 0) yield return f.Notes;
        }
        else if (HistoryData.Parse<DealHistoryData>(item.Data) is { } d)
        {
            yield return t["Deals.History.Line", d.Title, CommercialText.Money(d.AmountMinor, d.Currency), CommercialText.Stage(d.Stage, t)];
            if (item.Kind == HistoryKind.DealStageChanged && d.FromStage is { } from)
                yield return t["Deals.History.Stage", CommercialText.Stage(from, t), CommercialText.Stage(d.Stage, t)];
            else yield return t["Deals.History.Owner", d.Owner];
        }
        else if (item.Text.Length > 0) yield return item.Text;
    }

    /// <summary>A quote made from a deal links to the quote.</summary>
    public string? Link(HistoryItem item) =>
        item.Kind == HistoryKind.DealQuoteCreated && HistoryData.Parse<DealHistoryData>(item.Data) is { QuoteDocumentId: { } id } ? Documents.DocumentText.Href(id) : null;
}

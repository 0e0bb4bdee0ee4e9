using CrmBlazor.Domain.History;
using CrmBlazor.Localization;

namespace CrmBlazor.History;

/// <summary>
/// How one feature phrases its own history kinds, in the reader's language, wherever a timeline shows them (a client's
/// History, a matter's timeline). Each feature has one; <see cref="HistoryPhrasings"/> finds it by kind.
/// </summary>
public interface IHistoryPhrasing
{
    /// <summary>The kinds this feature records; no two phrasings claim the same kind.</summary>
    IReadOnlyCollection<HistoryKind> Kinds { get; }

    string Icon(HistoryKind kind);

    IEnumerable<string> Lines(HistoryItem item, Text t);

    /// <summary>The page of what the line is about (a document, a matter, an email); null when there is none.</summary>
    string? Link(HistoryItem item) => null;

    string LinkText(Text t) => t["Documents.History.Open"];
}

using CrmBlazor.Domain.Live;
using CrmBlazor.Live;

namespace CrmBlazor.Documents;

/// <summary>How the document list follows a change (DIR-8, issue 14): the row on screen alone, or the page once per burst.</summary>
public partial class DocumentListView
{
    private async Task<LiveOutcome> ApplyAsync(Change change)
    {
        if (_page is null || change.Id is not { } id) return LiveOutcome.ReloadNeeded;
        var row = await Documents.RowAsync(id);
        var index = IndexOf(id);
        if (index < 0)
        {
            // A type never changes, and when every row of the filter is on screen, one not shown that does not match was not in it before.
            var cannotEnter = row is not null && (row.Type != (Filter.Type ?? row.Type) || !Filter.Admits(row) && _cursors.Count == 0 && _page.Next is null);
            return cannotEnter ? LiveOutcome.Nothing : LiveOutcome.ReloadNeeded;
        }
        var shown = _page.Rows[index];
        if (row is null || !Filter.Admits(row) || row.IssueDate != shown.IssueDate) return LiveOutcome.ReloadNeeded;
        if (row == shown) return LiveOutcome.Nothing;
        _page = _page with { Rows = [.. _page.Rows.Take(index), row, .. _page.Rows.Skip(index + 1)] };
        if (_selected.Remove(shown))
        {
            _selected.Add(row);
            await SelectionChangedAsync(_selected);
        }
        return LiveOutcome.Updated;
    }

    private int IndexOf(long id)
    {
        for (var i = 0; i < _page!.Rows.Count; i++)
            if (_page.Rows[i].Id == id) return i;
        return -1;
    }
}

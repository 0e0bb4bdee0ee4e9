using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Live;
using CrmBlazor.Live;

namespace CrmBlazor.Commercial;

/// <summary>
/// How the deals page follows a change (DIR-8, issue 14). A deal on screen whose column, position and totals stay put is
/// re-read and replaced alone; a deal that may move (stage, close date, amount, sort key, owner) reloads once per burst.
/// When every deal of the filter is on screen, one not shown that still does not match was not in it before: nothing to do.
/// </summary>
public partial class DealsPage
{
    private async Task<LiveOutcome> ApplyAsync(Change change)
    {
        if (change.Id is not { } id) return LiveOutcome.ReloadNeeded;
        if (change.Topic == Topics.Client)
            return Shows(d => d.ClientId == id) || await Reads.ClientHasDealsAsync(id, _request.OwnerUserId) ? LiveOutcome.ReloadNeeded : LiveOutcome.Nothing;
        if (change.Topic != Topics.Deal) return LiveOutcome.ReloadNeeded;
        var card = await Reads.GetAsync(id);
        return _view == "board" ? ApplyToBoard(id, card) : ApplyToList(id, card);
    }

    private LiveOutcome ApplyToBoard(long id, DealCard? card)
    {
        if (_columns is null) return LiveOutcome.ReloadNeeded;
        var shown = _columns.SelectMany(c => c.Cards).FirstOrDefault(c => c.Id == id);
        if (shown is null)
        {
            var complete = _columns.All(c => c.Count == c.Cards.Count);
            return card is not null && !Admits(card) && complete ? LiveOutcome.Nothing : LiveOutcome.ReloadNeeded;
        }
        if (card is null || !Admits(card) || (card.Stage, card.ExpectedClose, card.AmountMinor, card.Currency) != (shown.Stage, shown.ExpectedClose, shown.AmountMinor, shown.Currency))
            return LiveOutcome.ReloadNeeded;
        if (card == shown) return LiveOutcome.Nothing;
        _columns = _columns.Select(c => c.Stage != card.Stage ? c : c with { Cards = [.. c.Cards.Select(d => d.Id == id ? card : d)] }).ToList();
        return LiveOutcome.Updated;
    }

    private LiveOutcome ApplyToList(long id, DealCard? card)
    {
        if (_page is null) return LiveOutcome.ReloadNeeded;
        var shown = _page.Rows.FirstOrDefault(r => r.Id == id);
        if (shown is null)
            return card is not null && !Admits(card) && _page.Rows.Count == _page.Total ? LiveOutcome.Nothing : LiveOutcome.ReloadNeeded;
        if (card is null || !Admits(card) || !Equals(SortKey(card), SortKey(shown))) return LiveOutcome.ReloadNeeded;
        if (card == shown) return LiveOutcome.Nothing;
        _page = _page with { Rows = [.. _page.Rows.Select(r => r.Id == id ? card : r)] };
        return LiveOutcome.Updated;
    }

    private bool Shows(Func<DealCard, bool> match) =>
        _view == "board" ? _columns?.Any(c => c.Cards.Any(match)) != false : _page?.Rows.Any(match) != false;

    /// <summary>Whether the deal belongs on this page as filtered (the board ignores the list's stage filter).</summary>
    private bool Admits(DealCard card) =>
        card.ClientStatus != ClientStatus.Archived
        && (string.IsNullOrEmpty(_request.OwnerUserId) || card.OwnerUserId == _request.OwnerUserId)
        && (_view == "board" || _request.Stage is null || card.Stage == _request.Stage);

    private object SortKey(DealCard card) => _request.Sort switch
    {
        DealSort.Amount => (card.Currency, card.AmountMinor),
        DealSort.Title => card.Title,
        _ => card.ExpectedClose ?? DateOnly.MaxValue,
    };
}

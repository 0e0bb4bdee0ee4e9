using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Live;

namespace CrmBlazor.Clients;

/// <summary>What a burst of client changes did to one page of a list: nothing, some rows, or possibly the whole page.</summary>
public sealed record PageRefresh(ClientPage? Page, bool ReloadPage)
{
    public static readonly PageRefresh Nothing = new(null, false);
    public static readonly PageRefresh Reload = new(null, true);
}

/// <summary>
/// A change reaches only what it can affect (DIR-8, issue 14): a row on the page is re-read alone; a change that may
/// move rows in or out of the page (a new client, an archive, a status change under a filter, a new sort key)
/// reloads the page once for the whole burst; a client that is not on the page and cannot enter it costs one shared
/// primary-key read (<see cref="ClientPlacement"/>) and one shared count, and renders only if the total moved
/// (a colleague archived or added a client further down the list). When unsure, it reloads.
/// </summary>
public sealed class ClientPageRefresh(ClientDirectory directory, ClientPlacement placement)
{
    /// <param name="request">The page's request, <see cref="ClientListRequest.After"/> being where it starts.</param>
    public async Task<PageRefresh> ApplyAsync(ClientListRequest request, ClientPage page, IReadOnlyList<Change> burst)
    {
        if (burst.Any(c => c.Topic == Topics.Resync || c.Id is null)) return PageRefresh.Reload;
        var stale = new HashSet<long>();
        var recount = false;
        foreach (var change in burst.DistinctBy(c => c.Id))
        {
            var id = change.Id!.Value;
            var shown = page.Rows.Where(r => r.Id == id || r.CompanyIds.Contains(id)).Select(r => r.Id).ToList();
            if (shown.Count > 0)
            {
                stale.UnionWith(shown);
                continue;
            }
            var place = await placement.PlaceAsync(change);
            if (place is not null && place.Kind != request.Kind) continue;
            recount = true;
            if (place is null || place.Status == ClientStatus.Archived) continue;
            if (PageWindow.MayHold(request, page, place.KeyFor(request.Sort), place.Id)) return PageRefresh.Reload;
        }
        var counted = recount ? await CountedAfterAsync(request, page, burst[^1]) : page;
        if (stale.Count == 0) return counted == page ? PageRefresh.Nothing : new PageRefresh(counted, false);

        var rows = page.Rows.ToArray();
        var read = (await directory.RowsAfterAsync(burst[^1], request with { After = null }, stale)).ToDictionary(r => r.Id);
        foreach (var id in stale)
        {
            var at = Array.FindIndex(rows, r => r.Id == id);
            // Out of the list now, or its sort key moved: rows may shift in or out of the page.
            if (!read.TryGetValue(id, out var fresh) || fresh.KeyFor(request.Sort) != rows[at].KeyFor(request.Sort)) return PageRefresh.Reload;
            rows[at] = fresh;
        }
        return new PageRefresh(counted with { Rows = rows }, false);
    }

    /// <summary>The page with the list's total counted again; the same page object when the total did not move.</summary>
    private async Task<ClientPage> CountedAfterAsync(ClientListRequest request, ClientPage page, Change latest)
    {
        var counted = await directory.CountAfterAsync(latest, request with { After = null });
        var (total, capped) = (Math.Min(counted, ClientDirectory.TotalCap), counted > ClientDirectory.TotalCap);
        return total == page.Total && capped == page.TotalIsCapped ? page : page with { Total = total, TotalIsCapped = capped };
    }
}

/// <summary>The stretch of the sort order one keyset page covers: after its cursor, up to its last row (or the end).</summary>
internal static class PageWindow
{
    // The database may order text by bytes (SQLite) or by a collation (PostgreSQL): inside by either counts as inside.
    private static readonly StringComparer[] Orders = [StringComparer.Ordinal, StringComparer.InvariantCulture, StringComparer.InvariantCultureIgnoreCase];

    public static bool MayHold(ClientListRequest request, ClientPage page, string key, long id)
    {
        var last = page.Next is null || page.Rows.Count == 0 ? null : page.Rows[^1];
        return Orders.Any(order =>
            (request.After is not { } from || Follows(order, request.Descending, key, id, from.Key, from.Id))
            && (last is null || !Follows(order, request.Descending, key, id, last.KeyFor(request.Sort), last.Id)));
    }

    private static bool Follows(StringComparer order, bool descending, string key, long id, string otherKey, long otherId)
    {
        var compared = order.Compare(key, otherKey);
        if (compared == 0) compared = id.CompareTo(otherId);
        return descending ? compared < 0 : compared > 0;
    }
}

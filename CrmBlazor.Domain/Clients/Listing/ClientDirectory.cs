using System.Globalization;
using System.Linq.Expressions;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients.Listing;

/// <summary>The company and person lists (DIR-3, DIR-4, DIR-5): filter, search, sort and page on the server.</summary>
public sealed class ClientDirectory(CrmDbContextFactory dbs, ICurrentActor actors, ChangeReads shared)
{
    public const int TotalCap = 10_000;

    public async Task<ClientPage> ListAsync(ClientListRequest request, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        var pageSize = Math.Clamp(request.PageSize, 1, ClientListRequest.MaxPageSize);
        await using var db = dbs.CreateDbContext();
        await db.Database.OpenConnectionAsync(ct); // one open for the two or three queries below, not one each
        var total = await CountAsync(db, request, ct);
        // Many hits: the page walks the sort order; few: the search index finds them and they are sorted.
        var filtered = Filtered(db, request, denseSearch: total >= ClientSearchIndex.DenseHits);
        var page = Sorted(After(filtered, request), request);
        if (ClientSearchIndex.PicksPageIdsFirst(db, request.Sort, IsSearch(request)))
        {
            var ids = page.Select(c => c.Id).Take(pageSize + 1);
            page = Sorted(db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)), request);
        }
        var rows = await page.Take(pageSize + 1).Select(ToRow).ToListAsync(ct);

        ClientCursor? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            next = CursorOf(rows[^1], request.Sort);
        }
        if (request.Kind == ClientKind.Person) rows = await WithCompaniesAsync(db, rows, ct);
        return new ClientPage(rows, Math.Min(total, TotalCap), total > TotalCap, next);
    }

    /// <summary>
    /// Some rows of a list by id, in one query, read with the list's filter and search after <paramref name="change"/>
    /// (DIR-8: a colleague's change to a row on screen refreshes that row only); a client no longer in that list is
    /// missing from the result. Every open list of this instance that shows these rows under the same filter shares the
    /// query (<see cref="ChangeReads"/>): rows do not depend on who reads them.
    /// </summary>
    public async Task<IReadOnlyList<ClientRow>> RowsAfterAsync(Change change, ClientListRequest request, IReadOnlyCollection<long> ids)
    {
        (await actors.GetAsync()).RequireStaff();
        return await shared.OnceAsync(change, $"rows|{ListKey(request)}|{string.Join(',', ids.Order())}", () => ReadRowsAsync(request, ids));
    }

    /// <summary>How many clients the list holds after <paramref name="change"/>, counted once for every open list with that filter.</summary>
    public async Task<int> CountAfterAsync(Change change, ClientListRequest request)
    {
        (await actors.GetAsync()).RequireStaff();
        return await shared.OnceAsync(change, $"count|{ListKey(request)}", async () =>
        {
            await using var db = dbs.CreateDbContext();
            return await CountAsync(db, request, default);
        });
    }

    // What makes two lists hold the same clients: kind, search and filter (sort and page do not).
    private static string ListKey(ClientListRequest request) =>
        string.Join('|', request.Kind, request.Search, string.Join(',', request.Filter?.ToUrlValues() ?? []));

    private static Task<int> CountAsync(CrmDbContext db, ClientListRequest request, CancellationToken ct) =>
        Filtered(db, request).Take(TotalCap + 1).CountAsync(ct);

    private async Task<IReadOnlyList<ClientRow>> ReadRowsAsync(ClientListRequest request, IReadOnlyCollection<long> ids)
    {
        await using var db = dbs.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var rows = await Filtered(db, request).Where(c => ids.Contains(c.Id)).Select(ToRow).Take(ids.Count).ToListAsync();
        if (rows.Count > 0 && request.Kind == ClientKind.Person) rows = await WithCompaniesAsync(db, rows, default);
        return rows;
    }

    /// <summary>Server-side autocomplete for pickers: never loads more than <paramref name="take"/> rows.</summary>
    public async Task<IReadOnlyList<ClientOption>> PickAsync(string? text, ClientKind? kind = null, int take = 20, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var q = db.Clients.AsNoTracking().Where(c => c.Status != ClientStatus.Archived);
        if (kind is { } k) q = q.Where(c => c.Kind == k);
        var term = Term(SearchText.Fold(text));
        if (term.Length > 0) q = ClientSearchIndex.Where(db, q, kind, term, await ClientSearchIndex.IsDenseAsync(db, kind, term, ct));
        return await q.OrderBy(c => c.SortKey).ThenBy(c => c.Id).Take(Math.Clamp(take, 1, 50))
            .Select(c => new ClientOption(c.Id, c.Kind, c.Name, c.City, c.Status)).ToListAsync(ct);
    }

    /// <summary>Every row of a filtered list, read in pages so no query loads more than one page.</summary>
    public async IAsyncEnumerable<ClientRow> StreamAsync(ClientListRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var cursor = request.After;
        do
        {
            var page = await ListAsync(request with { After = cursor, PageSize = ClientListRequest.MaxPageSize }, ct);
            foreach (var row in page.Rows) yield return row;
            cursor = page.Next;
        }
        while (cursor is not null);
    }

    internal static IQueryable<Client> Filtered(CrmDbContext db, ClientListRequest request, bool denseSearch = false)
    {
        var q = db.Clients.AsNoTracking().Where(c => c.Kind == request.Kind && c.Status != ClientStatus.Archived);
        q = ClientFilterTranslator.Apply(q, request.Filter ?? ClientFilter.None);
        var search = SearchText.Fold(request.Search);
        if (search.Length > ClientListRequest.MaxSearchLength)
            throw new DomainException("Error.SearchTooLong", "search", ClientListRequest.MaxSearchLength);
        var term = Term(search);
        if (term.Length > 0) q = ClientSearchIndex.Where(db, q, request.Kind, term, denseSearch);
        return q;
    }

    private static bool IsSearch(ClientListRequest request) => Term(SearchText.Fold(request.Search)).Length > 0;

    /// <summary>
    /// What to look for in the folded search column. A phone number is looked for by its digits: the column
    /// holds every phone digits-only too, so "944-000-111" finds "+34 944 000 111".
    /// </summary>
    private static string Term(string folded)
    {
        var digits = SearchText.DigitsOnly(folded);
        var phoneLike = digits.Length >= 3 && folded.All(ch => char.IsDigit(ch) || " +-().".Contains(ch));
        return phoneLike ? digits : folded;
    }

    private static IQueryable<Client> Sorted(IQueryable<Client> q, ClientListRequest r) => (r.Sort, r.Descending) switch
    {
        (ClientSortField.City, false) => q.OrderBy(c => c.City).ThenBy(c => c.Id),
        (ClientSortField.City, true) => q.OrderByDescending(c => c.City).ThenByDescending(c => c.Id),
        (ClientSortField.Created, false) => q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        (ClientSortField.Created, true) => q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        (_, false) => q.OrderBy(c => c.SortKey).ThenBy(c => c.Id),
        (_, true) => q.OrderByDescending(c => c.SortKey).ThenByDescending(c => c.Id),
    };

    // The "a >= x AND (a > x OR id > y)" form lets both databases seek the index on its first column.
    private static IQueryable<Client> After(IQueryable<Client> q, ClientListRequest r)
    {
        if (r.After is not { } at) return q;
        var id = at.Id;
        if (r.Sort == ClientSortField.Created)
        {
            var when = DateTime.Parse(at.Key, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            return r.Descending
                ? q.Where(c => c.CreatedAt <= when && (c.CreatedAt < when || c.Id < id))
                : q.Where(c => c.CreatedAt >= when && (c.CreatedAt > when || c.Id > id));
        }
        Expression<Func<Client, string>> column = r.Sort == ClientSortField.City ? c => c.City : c => c.SortKey;
        return q.Where(KeysetText(column, at.Key, id, r.Descending));
    }

    private static Expression<Func<Client, bool>> KeysetText(Expression<Func<Client, string>> column, string key, long id, bool descending)
    {
        Expression<Func<string, string, long, long, bool>> ascending = (a, k, i, last) =>
            string.Compare(a, k) >= 0 && (string.Compare(a, k) > 0 || i > last);
        Expression<Func<string, string, long, long, bool>> descendingForm = (a, k, i, last) =>
            string.Compare(a, k) <= 0 && (string.Compare(a, k) < 0 || i < last);
        var form = descending ? descendingForm : ascending;
        var c = column.Parameters[0];
        var holder = Expression.Constant(new Bound(key, id));
        var body = new ParameterReplacer(new Dictionary<ParameterExpression, Expression>
        {
            [form.Parameters[0]] = column.Body,
            [form.Parameters[1]] = Expression.Property(holder, nameof(Bound.Key)),
            [form.Parameters[2]] = Expression.Property(c, nameof(Client.Id)),
            [form.Parameters[3]] = Expression.Property(holder, nameof(Bound.Id)),
        }).Visit(form.Body);
        return Expression.Lambda<Func<Client, bool>>(body, c);
    }

    private static ClientCursor CursorOf(ClientRow row, ClientSortField sort) => new(row.KeyFor(sort), row.Id);

    private static readonly Expression<Func<Client, ClientRow>> ToRow = c => new ClientRow(
        c.Id, c.Kind, c.Name, c.Email, c.Phone, c.VatId, c.City, c.Country, c.IsCustomer, c.IsSupplier, c.Status, c.CreatedAt, c.SortKey);

    private static async Task<List<ClientRow>> WithCompaniesAsync(CrmDbContext db, List<ClientRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var links = await db.ContactLinks.AsNoTracking().Where(l => ids.Contains(l.PersonId))
            .OrderBy(l => l.Id).Select(l => new { l.PersonId, l.CompanyId, l.Company.Name }).Take(ClientListRequest.MaxPageSize * 4).ToListAsync(ct);
        var byPerson = links.GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => g.ToList());
        return rows.Select(r => byPerson.TryGetValue(r.Id, out var companies)
            ? r with { Companies = string.Join(", ", companies.Select(x => x.Name)), CompanyIds = companies.Select(x => x.CompanyId).ToArray() }
            : r).ToList();
    }

    private sealed record Bound(string Key, long Id);

    private sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var e) ? e : node;
    }
}

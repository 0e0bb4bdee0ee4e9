using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmBlazor.Clients;

/// <summary>
/// The list's state in its URL (DIR-4): search `q`, filter rules `f` (repeated), sort `sort` and `desc`.
/// A link copied from the address bar opens the same list for a colleague.
/// </summary>
public sealed record ClientListUrl(ClientKind Kind, string Search, ClientFilter Filter, ClientSortField Sort, bool Descending)
{
    public string Path => Kind == ClientKind.Company ? "/companies" : "/persons";

    public ClientListRequest ToRequest(ClientCursor? after = null, int pageSize = 50) =>
        new(Kind, Search, Filter, Sort, Descending, after, pageSize);

    public string ToUrl(string? basePath = null)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (Search.Length > 0) parts.Add(new("q", Search));
        parts.AddRange(Filter.ToUrlValues().Select(v => new KeyValuePair<string, string?>("f", v)));
        if (Sort != ClientSortField.Name) parts.Add(new("sort", Sort.ToString().ToLowerInvariant()));
        if (Descending) parts.Add(new("desc", "1"));
        return QueryHelpers.AddQueryString(basePath ?? Path, parts);
    }

    /// <summary>Reads a URL. A rule or sort that is not offered (say, from a hand-edited link) throws a message for the user.</summary>
    public static ClientListUrl Parse(ClientKind kind, string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Get(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        var rules = values.TryGetValue("f", out var f) ? f.Where(v => v is not null).Select(v => v!).ToArray() : null;
        return FromQuery(kind, Get("q"), rules, Get("sort"), Get("desc"));
    }

    /// <summary>The list from its query values <c>q</c>, <c>f</c>, <c>sort</c> and <c>desc</c>; throws like <see cref="Parse"/>.</summary>
    public static ClientListUrl FromQuery(ClientKind kind, string? search, string[]? rules, string? sort, string? descending)
    {
        var filter = rules is null ? ClientFilter.None : ClientFilter.Parse(rules);
        var sortField = ClientSortField.Name;
        if (sort is not null && !Enum.TryParse(sort, ignoreCase: true, out sortField)) throw new DomainException("Error.SortNotOffered", "sort", sort);
        if (!Enum.IsDefined(sortField)) throw new DomainException("Error.SortNotOffered", "sort", sort ?? string.Empty);
        return new ClientListUrl(kind, search?.Trim() ?? string.Empty, filter, sortField, descending == "1");
    }

    public static ClientListUrl Default(ClientKind kind) => new(kind, string.Empty, ClientFilter.None, ClientSortField.Name, false);
}

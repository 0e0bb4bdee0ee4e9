using CrmBlazor.Domain.Clients.Filtering;

namespace CrmBlazor.Domain.Clients.Listing;

public enum ClientSortField
{
    Name,
    City,
    Created,
}

/// <summary>
/// Where a page starts: the sort value and id of the last row of the page before. Keyset paging keeps
/// a page deep in the list as cheap as the first one, where OFFSET would walk every skipped row.
/// </summary>
public sealed record ClientCursor(string Key, long Id);

public sealed record ClientListRequest(
    ClientKind Kind,
    string? Search = null,
    ClientFilter? Filter = null,
    ClientSortField Sort = ClientSortField.Name,
    bool Descending = false,
    ClientCursor? After = null,
    int PageSize = 50)
{
    public const int MaxPageSize = 200;
    public const int MaxSearchLength = 100;
}

public sealed record ClientRow(
    long Id,
    ClientKind Kind,
    string Name,
    string Email,
    string Phone,
    string VatId,
    string City,
    string Country,
    bool IsCustomer,
    bool IsSupplier,
    ClientStatus Status,
    DateTime CreatedAt,
    string SortKey)
{
    /// <summary>For persons: the companies they work at, filled in after the page is read.</summary>
    public string Companies { get; init; } = string.Empty;

    /// <summary>For persons: the ids of those companies, so a company's rename refreshes the rows that show it.</summary>
    public IReadOnlyList<long> CompanyIds { get; init; } = [];

    /// <summary>Where the row sits in a list sorted by <paramref name="sort"/> (with its id as the tie-breaker).</summary>
    public string KeyFor(ClientSortField sort) => ClientSortKey.Of(sort, SortKey, City, CreatedAt);
}

public static class ClientSortKey
{
    /// <summary>The value a list sorted by <paramref name="sort"/> orders by, as its cursor carries it.</summary>
    public static string Of(ClientSortField sort, string sortKey, string city, DateTime createdAt) => sort switch
    {
        ClientSortField.City => city,
        ClientSortField.Created => createdAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => sortKey,
    };
}

/// <summary>
/// A page of rows. <see cref="Total"/> counts at most <see cref="ClientDirectory.TotalCap"/> rows:
/// beyond that the list says "10,000+" rather than count 100,000 rows on every page turn.
/// </summary>
public sealed record ClientPage(IReadOnlyList<ClientRow> Rows, int Total, bool TotalIsCapped, ClientCursor? Next);

/// <summary>What pickers show: a name and whether the client is inactive (DEA-7).</summary>
public sealed record ClientOption(long Id, ClientKind Kind, string Name, string City, ClientStatus Status);

using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Lifecycle;

namespace CrmBlazor.Domain.Commercial;

/// <summary>A deal as the board's cards, the list's rows and a client's tab show it.</summary>
public sealed record DealCard(long Id, string Title, long ClientId, string ClientName, ClientStatus ClientStatus, long AmountMinor, string Currency,
    DealStage Stage, string OwnerUserId, string OwnerName, bool OwnerRemoved, DateOnly? ExpectedClose, long? QuoteDocumentId, long Version);

/// <summary>One column of the board: its deals (the first <see cref="DealQueries.ColumnLimit"/> by expected close), how many in all and their totals per currency.</summary>
public sealed record DealColumn(DealStage Stage, IReadOnlyList<DealCard> Cards, int Count, IReadOnlyList<MoneyTotal> Totals);

public enum DealSort
{
    ExpectedClose = 0,
    Amount = 1,
    Title = 2,
}

/// <summary>The list's filters and sort.</summary>
public sealed record DealListRequest(DealStage? Stage = null, string? OwnerUserId = null, DealSort Sort = DealSort.ExpectedClose, bool Descending = false);

/// <summary>Rows of the list (at most <see cref="DealQueries.ListLimit"/>) and how many match.</summary>
public sealed record DealListPage(IReadOnlyList<DealCard> Rows, int Total);

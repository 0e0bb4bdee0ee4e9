namespace CrmBlazor.Domain.Clients.Archive;

/// <summary>
/// What one archive action did: how many clients it moved, and what "Undo" needs to put back exactly
/// those clients (the ones still archived at that moment, unchanged since).
/// </summary>
public sealed record ArchiveOutcome(int Count, ArchiveUndo Undo);

/// <summary>The clients of one archive action and the instant it stamped on them.</summary>
public sealed record ArchiveUndo(IReadOnlyList<long> Ids, DateTime At);

/// <summary>Where an Archive page starts: the sort key and id of the last row of the page before.</summary>
public sealed record ArchiveCursor(string Key, long Id);

public sealed record ArchivedRow(long Id, ClientKind Kind, string Name, string Email, string City, DateTime ArchivedAt, long Version, string SortKey);

/// <summary>A page of the Archive; <see cref="Total"/> is counted up to the same cap as the main lists.</summary>
public sealed record ArchivePage(IReadOnlyList<ArchivedRow> Rows, int Total, bool TotalIsCapped, ArchiveCursor? Next);

/// <summary>The read-only view of an archived client, with what permanent deletion would meet.</summary>
public sealed record ArchivePreview(ClientDetails Client, int Documents, int LegalRecords, int Emails, DateTime ArchivedAt, string ArchivedBy);

/// <summary>The history line data of an archive or restore: which action did it, and whether it was an undo.</summary>
public sealed record ArchiveHistoryData(string Action, int Count, bool Undo = false);

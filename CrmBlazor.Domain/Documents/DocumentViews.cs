namespace CrmBlazor.Domain.Documents;

/// <summary>A document linked by a conversion, as "made from" or "turned into".</summary>
public sealed record RelatedDocument(long Id, DocumentType Type, string? Number, DocumentStatus Status);

/// <summary>Everything the document page, the editor and the PDF need.</summary>
public sealed record DocumentDetails(
    long Id,
    DocumentType Type,
    DocumentStatus Status,
    string? Number,
    long ClientId,
    string ClientName,
    Clients.ClientStatus ClientStatus,
    long? ContactId,
    string? ContactName,
    string Language,
    string Currency,
    DateOnly IssueDate,
    DateOnly? DueDate,
    DateOnly? ValidUntil,
    string Notes,
    IReadOnlyList<DocumentLine> Lines,
    Totals Totals,
    DateTime? IssuedAt,
    DateTime? CancelledAt,
    long Version,
    IReadOnlyList<RelatedDocument> MadeFrom,
    IReadOnlyList<RelatedDocument> TurnedInto)
{
    /// <summary>No automatic reminders while on hold (DEA-3).</summary>
    public bool OnHold { get; init; }

    public DocumentForm ToForm() => new()
    {
        Type = Type, ClientId = ClientId, ContactId = ContactId, Language = Language, Currency = Currency,
        IssueDate = IssueDate, DueDate = DueDate, ValidUntil = ValidUntil, Notes = Notes,
        Lines = Lines.OrderBy(l => l.Position).Select(l => l.ToInput()).ToList(),
    };
}

/// <summary>A row of the document list (DOC-6).</summary>
public sealed record DocumentRow(
    long Id, DocumentType Type, DocumentStatus Status, string? Number, long ClientId, string ClientName,
    DateOnly IssueDate, DateOnly? DueDate, string Currency, long TotalMinor)
{
    public bool OnHold { get; init; }
}

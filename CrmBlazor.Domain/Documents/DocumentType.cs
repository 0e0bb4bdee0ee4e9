namespace CrmBlazor.Domain.Documents;

public enum DocumentType
{
    Quote = 0,
    DeliveryNote = 1,
    Proforma = 2,
    Invoice = 3,
    CreditNote = 4,
}

/// <summary>The full status model (DOC-3). This issue moves documents through Draft → Issued → Cancelled.</summary>
public enum DocumentStatus
{
    Draft = 0,
    Issued = 1,
    Sent = 2,
    Viewed = 3,
    Accepted = 4,
    Rejected = 5,
    PartlyPaid = 6,
    Paid = 7,
    Overdue = 8,
    OnHold = 9,
    Cancelled = 10,
}

public static class DocumentStatuses
{
    private static readonly DocumentStatus[] Outstanding =
        [DocumentStatus.Issued, DocumentStatus.Sent, DocumentStatus.Viewed, DocumentStatus.PartlyPaid];

    /// <summary>Statuses of an invoice that still waits for money.</summary>
    public static IReadOnlyList<DocumentStatus> Unpaid => Outstanding;

    /// <summary>Overdue is not stored: it is an unpaid invoice whose due date has passed.</summary>
    public static DocumentStatus Effective(DocumentType type, DocumentStatus stored, DateOnly? dueDate, DateOnly today) =>
        type == DocumentType.Invoice && dueDate is { } due && due < today && Outstanding.Contains(stored)
            ? DocumentStatus.Overdue
            : stored;
}

public static class DocumentTypes
{
    /// <summary>Which document types may be made from which (DOC-4).</summary>
    public static IReadOnlyList<DocumentType> ConvertsTo(DocumentType from) => from switch
    {
        DocumentType.Quote => [DocumentType.DeliveryNote, DocumentType.Proforma, DocumentType.Invoice],
        DocumentType.DeliveryNote => [DocumentType.Invoice],
        DocumentType.Proforma => [DocumentType.Invoice],
        DocumentType.Invoice => [DocumentType.CreditNote],
        _ => [],
    };

    /// <summary>Invoices and credit notes are legal records: numbered without gaps, never deleted.</summary>
    public static bool IsLegalRecord(this DocumentType type) => type is DocumentType.Invoice or DocumentType.CreditNote;

    public static bool HasDueDate(this DocumentType type) => type is DocumentType.Invoice or DocumentType.Proforma or DocumentType.CreditNote;

    public static bool HasValidUntil(this DocumentType type) => type == DocumentType.Quote;

    /// <summary>Quotes and proformas are accepted or rejected by the client (SND-2).</summary>
    public static bool CanBeAccepted(this DocumentType type) => type is DocumentType.Quote or DocumentType.Proforma;

    /// <summary>Invoices and proformas can be paid online (SND-2, SND-5).</summary>
    public static bool CanBePaid(this DocumentType type) => type is DocumentType.Invoice or DocumentType.Proforma;
}

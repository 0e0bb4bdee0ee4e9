using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Payments;

namespace CrmBlazor.Domain.Portal;

/// <summary>A document in the portal's list: what a customer needs to find it again (POR-2).</summary>
public sealed record PortalDocumentRow(long Id, DocumentType Type, string? Number, DateOnly IssueDate, long TotalMinor, string Currency,
    DocumentStatus Status, bool OnHold);

/// <summary>Where the next page starts: the last row's (issue date, id), newest first.</summary>
public sealed record PortalDocumentCursor(DateOnly IssueDate, long Id)
{
    public string Format() => $"{IssueDate:yyyyMMdd}-{Id}";

    public static PortalDocumentCursor? Parse(string? text)
    {
        var parts = (text ?? string.Empty).Split('-');
        return parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyyMMdd", out var date) && long.TryParse(parts[1], out var id)
            ? new PortalDocumentCursor(date, id) : null;
    }
}

public sealed record PortalDocumentList(IReadOnlyList<PortalDocumentRow> Rows, PortalDocumentCursor? Next);

/// <summary>How an online payment started from the portal stands: the gateway's confirmation decides, not the return.</summary>
public sealed record PortalPaymentState(PaymentAttemptStatus Attempt, DocumentStatus Document, long BalanceMinor);

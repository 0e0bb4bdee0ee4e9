using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Documents;

/// <summary>
/// A quote, delivery note, proforma, invoice or credit note (DOC-1). A draft can be edited; issuing
/// gives it its number and freezes it; an issued document can be cancelled, never deleted.
/// Totals are kept on the row (minor units) so lists can sort and sum them in SQL.
/// </summary>
public class Document
{
    private readonly List<DocumentLine> _lines = [];

    public long Id { get; private set; }
    public DocumentType Type { get; private set; }
    public DocumentStatus Status { get; private set; }

    /// <summary>Given at issue, e.g. "INV-2026-0007"; drafts have none (DOC-2).</summary>
    public string? Number { get; private set; }
    public int? NumberYear { get; private set; }
    public int? NumberSequence { get; private set; }

    public long ClientId { get; private set; }
    public long? ContactId { get; private set; }
    public string Language { get; private set; } = "en";
    public string Currency { get; private set; } = "EUR";
    public DateOnly IssueDate { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public DateOnly? ValidUntil { get; private set; }
    public string Notes { get; private set; } = string.Empty;

    public long NetMinor { get; private set; }
    public long TaxMinor { get; private set; }
    public long TotalMinor { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? IssuedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public long Version { get; private set; }

    // Sending and the client's answer (SND-1..6).
    public DateTime? SentAt { get; private set; }
    public DateTime? ViewedAt { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    /// <summary>The name typed by whoever accepted (or rejected) on the public page.</summary>
    public string ResponseName { get; private set; } = string.Empty;
    /// <summary>The comment on acceptance or the reason of a rejection.</summary>
    public string ResponseComment { get; private set; } = string.Empty;
    /// <summary>The address the answer came from.</summary>
    public string ResponseFrom { get; private set; } = string.Empty;

    // Payment and hold (SND-5, DEA-3).
    public long PaidMinor { get; private set; }
    public DateTime? PaidAt { get; private set; }
    public bool OnHold { get; private set; }
    public DateTime? HeldAt { get; private set; }

    public long BalanceMinor => TotalMinor - PaidMinor;

    public IReadOnlyList<DocumentLine> Lines => _lines;

    private Document() { }

    public static Document CreateDraft(DocumentForm form, IReadOnlyDictionary<long, decimal> taxRates, DateTime now)
    {
        var document = new Document { Type = form.Type, Status = DocumentStatus.Draft, CreatedAt = now, Version = 1 };
        document.Apply(form, taxRates, now);
        return document;
    }

    /// <summary>Replaces a draft's header and lines.</summary>
    public void EditDraft(DocumentForm form, IReadOnlyDictionary<long, decimal> taxRates, DateTime now)
    {
        if (Status != DocumentStatus.Draft) throw new DomainException("Error.DocumentNotDraft");
        if (form.Type != Type) throw new DomainException("Error.DocumentTypeFixed");
        Apply(form, taxRates, now);
        Version++;
    }

    public Totals Totals() => Documents.Totals.Of(_lines.Select(l => (l.NetMinor, l.TaxPercent)));

    /// <summary>Gives the number and freezes the document. Called inside the numbering transaction.</summary>
    internal void Issue(string number, int year, int sequence, DateTime now)
    {
        if (Status != DocumentStatus.Draft) throw new DomainException("Error.DocumentNotDraft");
        if (Type.IsLegalRecord()) DateOnIssue(DateOnly.FromDateTime(now));
        Number = number;
        NumberYear = year;
        NumberSequence = sequence;
        Status = DocumentStatus.Issued;
        IssuedAt = now;
        Touch(now);
    }

    /// <summary>
    /// Invoices and credit notes are dated the day they are issued, so their numbers and dates run in the
    /// same order (a legal requirement in Spain, France and Poland); the payment term is kept.
    /// </summary>
    private void DateOnIssue(DateOnly today)
    {
        if (DueDate is { } due) DueDate = today.AddDays(Math.Max(0, due.DayNumber - IssueDate.DayNumber));
        IssueDate = today;
    }

    public void Cancel(DateTime now)
    {
        if (Status is DocumentStatus.Draft or DocumentStatus.Cancelled or DocumentStatus.Paid)
            throw new DomainException("Error.DocumentCannotCancel");
        Status = DocumentStatus.Cancelled;
        CancelledAt = now;
        Touch(now);
    }

    /// <summary>Moves an issued document to another client or contact (DOC-7); the service logs it on both sides.</summary>
    public void ChangeClient(long clientId, long? contactId, DateTime now)
    {
        if (Status == DocumentStatus.Cancelled) throw new DomainException("Error.DocumentCancelled");
        ClientId = clientId;
        ContactId = contactId;
        Touch(now);
    }

    /// <summary>A new draft of another type with the same client, language, currency and lines (DOC-4).</summary>
    public DocumentForm ToConversion(DocumentType target, DateOnly today, int paymentTermDays)
    {
        if (!DocumentTypes.ConvertsTo(Type).Contains(target)) throw new DomainException("Error.ConversionNotOffered");
        if (Status is DocumentStatus.Draft or DocumentStatus.Cancelled or DocumentStatus.Rejected)
            throw new DomainException("Error.ConversionNeedsIssued");
        return new DocumentForm
        {
            Type = target, ClientId = ClientId, ContactId = ContactId, Language = Language, Currency = Currency,
            IssueDate = today, DueDate = target.HasDueDate() ? today.AddDays(paymentTermDays) : null,
            ValidUntil = target.HasValidUntil() ? today.AddDays(30) : null, Notes = Notes,
            Lines = _lines.OrderBy(l => l.Position).Select(l => l.ToInput()).ToList(),
        };
    }

    private void Apply(DocumentForm form, IReadOnlyDictionary<long, decimal> taxRates, DateTime now)
    {
        form.Validate();
        var errors = new FieldErrors();
        for (var i = 0; i < form.Lines.Count; i++)
        {
            if (!taxRates.ContainsKey(form.Lines[i].TaxRateId!.Value)) errors.Add($"Lines[{i}].TaxRateId", "Error.TaxRateUnknown");
        }
        errors.ThrowIfAny();
        var lines = form.Lines.Select((l, i) => new DocumentLine(i + 1, l, taxRates[l.TaxRateId!.Value])).ToList();
        Documents.Totals totals;
        try { totals = Documents.Totals.Of(lines.Select(l => (l.NetMinor, l.TaxPercent))); }
        catch (OverflowException) { throw ValidationFailedException.For(nameof(DocumentForm.Lines), "Error.PriceRange"); }

        ClientId = form.ClientId;
        ContactId = form.ContactId;
        Language = form.Language;
        Currency = form.Currency;
        IssueDate = form.IssueDate;
        DueDate = Type.HasDueDate() ? form.DueDate : null;
        ValidUntil = Type.HasValidUntil() ? form.ValidUntil : null;
        Notes = form.Notes.Trim();
        _lines.Clear();
        _lines.AddRange(lines);
        NetMinor = totals.NetMinor;
        TaxMinor = totals.TaxMinor;
        TotalMinor = totals.TotalMinor;
        UpdatedAt = now;
    }

    /// <summary>The status to show on a given day: an unpaid invoice past its due date is overdue.</summary>
    public DocumentStatus StatusOn(DateOnly today) => DocumentStatuses.Effective(Type, Status, DueDate, today);

    /// <summary>The first delivered email moves an issued document to Sent.</summary>
    public void MarkSent(DateTime now)
    {
        SentAt ??= now;
        if (Status == DocumentStatus.Issued) { Status = DocumentStatus.Sent; Touch(now); }
    }

    /// <summary>The first opening of a public link moves an issued or sent document to Viewed.</summary>
    public void MarkViewed(DateTime now)
    {
        ViewedAt ??= now;
        if (Status is DocumentStatus.Issued or DocumentStatus.Sent) { Status = DocumentStatus.Viewed; Touch(now); }
    }

    /// <summary>Acceptance of a quote or proforma (SND-4): once; the version token makes a race lose.</summary>
    public void Accept(string name, string comment, string from, DateTime now) =>
        Respond(DocumentStatus.Accepted, name, comment, from, now);

    public void Reject(string name, string reason, string from, DateTime now) =>
        Respond(DocumentStatus.Rejected, name, reason, from, now);

    public bool CanBeAnswered => Type.CanBeAccepted() && RespondedAt is null &&
        Status is DocumentStatus.Issued or DocumentStatus.Sent or DocumentStatus.Viewed;

    private void Respond(DocumentStatus answer, string name, string comment, string from, DateTime now)
    {
        if (RespondedAt is not null) throw new DomainException(Status == DocumentStatus.Accepted ? "Error.DocumentAlreadyAccepted" : "Error.DocumentAlreadyRejected");
        if (!CanBeAnswered) throw new DomainException("Error.DocumentCannotBeAnswered");
        Status = answer;
        RespondedAt = now;
        ResponseName = name.Trim();
        ResponseComment = comment.Trim();
        ResponseFrom = from;
        Touch(now);
    }

    public bool CanBePaid => Type.CanBePaid() && BalanceMinor > 0 && !OnHold &&
        Status is not (DocumentStatus.Draft or DocumentStatus.Cancelled or DocumentStatus.Rejected or DocumentStatus.Paid);

    /// <summary>Part or all of the balance received: partly paid, then paid.</summary>
    public void ApplyPayment(long amountMinor, DateTime now)
    {
        if (!Type.CanBePaid()) throw new DomainException("Error.DocumentNotPayable");
        if (Status is DocumentStatus.Draft or DocumentStatus.Cancelled) throw new DomainException("Error.DocumentNotPayable");
        if (Status == DocumentStatus.Paid || BalanceMinor <= 0) throw new DomainException("Error.DocumentAlreadyPaid");
        if (amountMinor <= 0 || amountMinor > BalanceMinor) throw ValidationFailedException.For("Amount", "Error.PaymentAmountRange");
        PaidMinor += amountMinor;
        Status = PaidMinor == TotalMinor ? DocumentStatus.Paid : DocumentStatus.PartlyPaid;
        if (Status == DocumentStatus.Paid) PaidAt = now;
        Touch(now);
    }

    /// <summary>Puts an outstanding invoice on hold: no automatic reminders, no payment link (DEA-3).</summary>
    public void Hold(DateTime now)
    {
        if (Type != DocumentType.Invoice || Status is DocumentStatus.Draft or DocumentStatus.Cancelled or DocumentStatus.Paid)
            throw new DomainException("Error.DocumentCannotHold");
        if (OnHold) return;
        OnHold = true;
        HeldAt = now;
        Touch(now);
    }

    public void Release(DateTime now)
    {
        if (!OnHold) return;
        OnHold = false;
        HeldAt = null;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

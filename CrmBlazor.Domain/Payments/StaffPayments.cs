using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Payments;

/// <summary>
/// Payments office staff type in (bank transfer, cash...), and the list of a document's payments. A staff entry
/// of part of the balance makes the document partly paid; a later online payment is then asked for the rest.
/// </summary>
public sealed class StaffPayments(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<DocumentPayments?> GetAsync(long documentId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var d = await db.Documents.AsNoTracking().Where(x => x.Id == documentId)
            .Select(x => new { x.Type, x.Status, x.TotalMinor, x.PaidMinor, x.Currency }).SingleOrDefaultAsync(ct);
        if (d is null) return null;
        var rows = await db.Payments.AsNoTracking().Where(p => p.DocumentId == documentId).OrderBy(p => p.PaidAt).ThenBy(p => p.Id)
            .Select(p => new PaymentRow(p.Id, p.PaidAt, p.AmountMinor, p.Currency, p.Method, p.Provider)).ToListAsync(ct);
        var canRecord = d.Type.CanBePaid() && d.TotalMinor > d.PaidMinor &&
            d.Status is not (DocumentStatus.Draft or DocumentStatus.Cancelled or DocumentStatus.Rejected or DocumentStatus.Paid);
        return new DocumentPayments(d.Type.CanBePaid(), d.TotalMinor, d.PaidMinor, d.TotalMinor - d.PaidMinor, d.Currency, canRecord, rows);
    }

    /// <summary>
    /// Records money received outside the gateway; at most the balance at the moment of saving (a payment that
    /// arrived online meanwhile counts), dated today or earlier. Two entries at once: the version token decides.
    /// </summary>
    public async Task RecordPaymentAsync(long documentId, long amountMinor, DateOnly date, PaymentMethod method, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        if (date > DateOnly.FromDateTime(now)) errors.Add("Date", "Error.PaymentDateFuture");
        if (!Enum.IsDefined(method)) errors.Add("Method", "Error.Required");
        if (amountMinor <= 0) errors.Add("Amount", "Error.PaymentAmountRange");
        errors.ThrowIfAny();

        await using var db = dbs.CreateDbContext();
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new DomainException("Error.DocumentNotFound");
        if (document.Status == DocumentStatus.Cancelled) throw new DomainException("Error.PaymentDocumentCancelled");
        PaymentPosting.Post(db, document, PaymentProviders.Manual, Guid.NewGuid().ToString("N"), amountMinor, method,
            date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), actor, now);
        await db.SaveCheckedAsync(ct, "Error.DocumentConcurrentEdit");
        await PaymentPosting.PublishAsync(feed, document.Id, document.ClientId, actor.UserId);
    }
}

public sealed record DocumentPayments(bool Payable, long TotalMinor, long PaidMinor, long BalanceMinor, string Currency, bool CanRecord,
    IReadOnlyList<PaymentRow> Payments);

public sealed record PaymentRow(long Id, DateTime PaidAt, long AmountMinor, string Currency, PaymentMethod Method, string Provider);

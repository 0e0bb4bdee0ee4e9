using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Payments;

/// <summary>What the public payment pages show: read only, reached by a link token or a sandbox reference, no login.</summary>
public sealed class PublicPayments(CrmDbContextFactory dbs, PaymentGateways gateways, TimeProvider clock)
{
    /// <summary>The pay page of a link: what is due and whether it can be paid now; null when the link leads nowhere.</summary>
    public async Task<PayPageView?> GetPayPageAsync(string token, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        var found = await PublicLinkAccess.FindAsync(db, token, clock.GetUtcNow().UtcDateTime, ct);
        if (found is null) return null;
        var document = found.Value.Document;
        var refusal = gateways.IsConfigured ? PaymentRules.RefusalOf(document) : "Error.PaymentsNotConfigured";
        return new PayPageView(document.Type, document.Number, document.Status, document.TotalMinor, document.PaidMinor,
            document.BalanceMinor, document.Currency, refusal);
    }

    /// <summary>The waiting page: one checkout of the link's document; null when either does not belong to the other.</summary>
    public async Task<AttemptView?> GetAttemptAsync(string token, long attemptId, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        var found = await PublicLinkAccess.FindAsync(db, token, clock.GetUtcNow().UtcDateTime, ct);
        if (found is null) return null;
        var document = found.Value.Document;
        var attempt = await db.PaymentAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attemptId && a.DocumentId == document.Id, ct);
        return attempt is null ? null : new AttemptView(attempt.Id, document.Type, document.Number, attempt.AmountMinor, attempt.Currency,
            attempt.Status, document.Status, document.BalanceMinor);
    }

    /// <summary>A pending sandbox checkout, for the test card page; null unless the sandbox is the configured gateway.</summary>
    public async Task<SandboxCheckoutView?> GetSandboxCheckoutAsync(string reference, CancellationToken ct = default)
    {
        if (!gateways.IsSandbox) return null;
        await using var db = dbs.CreateDbContext();
        var attempt = await db.PaymentAttempts.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Provider == PaymentProviders.Sandbox && a.ProviderReference == reference, ct);
        if (attempt is null) return null;
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == attempt.DocumentId)
            .Select(d => new { d.Type, d.Number }).SingleAsync(ct);
        return new SandboxCheckoutView(attempt.ProviderReference, document.Type, document.Number, attempt.AmountMinor, attempt.Currency, attempt.Status);
    }
}

public sealed record PayPageView(DocumentType Type, string? Number, DocumentStatus Status, long TotalMinor, long PaidMinor,
    long BalanceMinor, string Currency, string? Refusal);

public sealed record AttemptView(long Id, DocumentType Type, string? Number, long AmountMinor, string Currency,
    PaymentAttemptStatus Status, DocumentStatus DocumentStatus, long BalanceMinor);

public sealed record SandboxCheckoutView(string Reference, DocumentType Type, string? Number, long AmountMinor, string Currency,
    PaymentAttemptStatus Status);

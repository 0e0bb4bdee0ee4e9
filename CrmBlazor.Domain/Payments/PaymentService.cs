using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Payments;

/// <summary>
/// Online payment of an invoice or proforma from its public link (SND-5): starting a checkout at the gateway
/// for the server-side balance, and recording the gateway's confirmation exactly once however often it comes.
/// </summary>
public sealed class PaymentService(
    CrmDbContextFactory dbs, PaymentGateways gateways, IOptions<SendingOptions> sending, ChangeFeed feed, TimeProvider clock,
    ILogger<PaymentService> log)
{
    private const int Rounds = 5;

    /// <summary>
    /// A checkout for the document behind <paramref name="token"/>: null when the link leads nowhere (the page
    /// answers "not found"); a <see cref="DomainException"/> when the document cannot be paid now.
    /// </summary>
    public async Task<CheckoutStarted?> StartCheckoutAsync(string token, string ip, CancellationToken ct = default)
    {
        var gateway = gateways.Current ?? throw new DomainException("Error.PaymentsNotConfigured");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var found = await PublicLinkAccess.FindAsync(db, token, now, ct);
        if (found is null) return null;
        var (link, document) = found.Value;
        return await StartCheckoutAsync(db, gateway, document, link.Id, attemptId => $"d/{token}/payment/{attemptId}", $"d/{token}/payment", ip, now, ct);
    }

    /// <summary>
    /// The same checkout for a document the caller has found and checked (the portal: the signed-in contact's own
    /// invoice); the gateway sends the client back to <paramref name="successPath"/> of the new attempt, or to <paramref name="cancelPath"/>.
    /// </summary>
    internal async Task<CheckoutStarted> StartCheckoutAsync(CrmDbContext db, Document document, Func<long, string> successPath, string cancelPath,
        string ip, CancellationToken ct)
    {
        var gateway = gateways.Current ?? throw new DomainException("Error.PaymentsNotConfigured");
        return await StartCheckoutAsync(db, gateway, document, null, successPath, cancelPath, ip, clock.GetUtcNow().UtcDateTime, ct);
    }

    private async Task<CheckoutStarted> StartCheckoutAsync(CrmDbContext db, IPaymentGateway gateway, Document document, long? linkId,
        Func<long, string> successPath, string cancelPath, string ip, DateTime now, CancellationToken ct)
    {
        if (PaymentRules.RefusalOf(document) is { } refusal) throw new DomainException(refusal);

        // The amount is the balance now, read here: nothing the browser sends decides what is charged.
        var attempt = new PaymentAttempt(document.Id, linkId, gateway.Name, "new_" + Guid.NewGuid().ToString("N"),
            document.BalanceMinor, document.Currency, now);
        db.PaymentAttempts.Add(attempt);
        await db.SaveChangesAsync(ct);

        var request = new CheckoutRequest(attempt.Id, document.Id, DocumentService.Label(document), attempt.AmountMinor, attempt.Currency,
            document.Language, sending.Value.LinkTo(successPath(attempt.Id)), sending.Value.LinkTo(cancelPath));
        CheckoutRedirect redirect;
        try
        {
            redirect = await gateway.StartCheckoutAsync(request, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Checkout {AttemptId} for document {DocumentId} could not start at {Gateway}", attempt.Id, document.Id, gateway.Name);
            attempt.Fail("gateway unavailable", now);
            await db.SaveChangesAsync(CancellationToken.None);
            throw new DomainException("Error.PaymentGatewayUnavailable");
        }
        attempt.AssignReference(redirect.ProviderReference);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Checkout {AttemptId} for document {DocumentId} started at {Gateway} from {Ip}", attempt.Id, document.Id, gateway.Name, ip);
        return new CheckoutStarted(attempt.Id, redirect.Url);
    }

    /// <summary>
    /// Records a gateway's confirmation once (SND-5). An event seen before is ignored; a payment id seen before
    /// records nothing; an amount or currency other than the checkout's is flagged for staff, never recorded.
    /// Concurrent deliveries are settled by the unique indexes on event id and payment id: the loser looks again.
    /// </summary>
    public async Task<ConfirmOutcome> ConfirmAsync(PaymentConfirmation confirmation, CancellationToken ct = default)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                var (outcome, changed) = await TryConfirmAsync(confirmation, ct);
                if (changed is var (documentId, clientId)) await PaymentPosting.PublishAsync(feed, documentId, clientId, null);
                log.LogInformation("{Provider} event {EventId} for checkout {Reference}: {Outcome}",
                    confirmation.Provider, confirmation.EventId, confirmation.AttemptReference, outcome);
                return outcome;
            }
            catch (DbUpdateException ex) when (round < Rounds && (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex, UniqueIndexes.PaymentPerProviderId)))
            {
                // Another delivery recorded this payment, or another payment moved the balance, while this one ran.
            }
        }
    }

    private async Task<(ConfirmOutcome, (long DocumentId, long ClientId)?)> TryConfirmAsync(PaymentConfirmation c, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.PaymentEvents.AnyAsync(e => e.Provider == c.Provider && e.EventId == c.EventId, ct)) return (ConfirmOutcome.DuplicateEvent, null);

        var attempt = await db.PaymentAttempts.SingleOrDefaultAsync(a => a.Provider == c.Provider && a.ProviderReference == c.AttemptReference, ct);
        if (attempt is null)
        {
            log.LogWarning("{Provider} event {EventId} names checkout {Reference}, which is not ours", c.Provider, c.EventId, c.AttemptReference);
            return await FinishAsync(db, tx, c, now, "unknown checkout", ConfirmOutcome.UnknownCheckout, null, ct);
        }
        var document = await db.Documents.SingleAsync(d => d.Id == attempt.DocumentId, ct);
        // Looked up after the attempt and the document were read: on PostgreSQL (read committed) a concurrent
        // delivery that already marked them paid has its payment visible from here on, so it counts as a
        // duplicate rather than being flagged as "checkout used".
        if (await db.Payments.AnyAsync(p => p.Provider == c.Provider && p.ProviderPaymentId == c.ProviderPaymentId, ct))
            return await FinishAsync(db, tx, c, now, "payment already recorded", ConfirmOutcome.DuplicatePayment, null, ct);

        if (FlagReason(c, attempt, document) is { } reason)
        {
            log.LogWarning("{Provider} payment {PaymentId} for document {DocumentId} flagged: {Reason}", c.Provider, c.ProviderPaymentId, document.Id, reason);
            attempt.Fail($"flagged: {reason}", now);
            db.Record(document.ClientId, HistoryKind.PaymentFlagged, GatewayActor(c.Provider), now, DocumentService.Label(document),
                new PaymentFlagData(document.Id, document.Type, document.Number, c.AmountMinor, c.Currency.ToUpperInvariant(),
                    attempt.AmountMinor, attempt.Currency, c.Provider, c.ProviderPaymentId, reason));
            return await FinishAsync(db, tx, c, now, $"flagged: {reason}", ConfirmOutcome.Flagged, (document.Id, document.ClientId), ct);
        }

        PaymentPosting.Post(db, document, c.Provider, c.ProviderPaymentId, c.AmountMinor, c.Method, now, GatewayActor(c.Provider), now);
        attempt.Succeed(now);
        return await FinishAsync(db, tx, c, now, "recorded", ConfirmOutcome.Recorded, (document.Id, document.ClientId), ct);
    }

    private static string? FlagReason(PaymentConfirmation c, PaymentAttempt attempt, Document document)
    {
        if (attempt.Status == PaymentAttemptStatus.Succeeded) return FlagReasons.CheckoutUsed;
        if (!string.Equals(c.Currency, attempt.Currency, StringComparison.OrdinalIgnoreCase)) return FlagReasons.Currency;
        if (c.AmountMinor != attempt.AmountMinor) return FlagReasons.Amount;
        if (document.Status == DocumentStatus.Paid || document.BalanceMinor <= 0) return FlagReasons.AlreadyPaid;
        // Money that arrived for a cancelled document, or more than is still due (staff recorded a part meanwhile).
        if (document.Status is DocumentStatus.Cancelled or DocumentStatus.Draft || c.AmountMinor > document.BalanceMinor) return FlagReasons.NotPayable;
        return null;
    }

    /// <summary>Stores the event with what came of it, in the same transaction as the payment, so both or neither exist.</summary>
    private static async Task<(ConfirmOutcome, (long, long)?)> FinishAsync(CrmDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx,
        PaymentConfirmation c, DateTime now, string outcome, ConfirmOutcome result, (long, long)? changed, CancellationToken ct)
    {
        db.PaymentEvents.Add(new PaymentEvent(c.Provider, c.EventId, c.EventType, now, outcome));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex, UniqueIndexes.PaymentEventPerProviderId))
        {
            return (ConfirmOutcome.DuplicateEvent, null);
        }
        await tx.CommitAsync(ct);
        return (result, changed);
    }

    /// <summary>Who a gateway's confirmation is recorded as in the history.</summary>
    private static Actor GatewayActor(string provider) => new(null, provider switch
    {
        PaymentProviders.Stripe => "Stripe",
        PaymentProviders.Sandbox => "Sandbox",
        _ => provider,
    }, new HashSet<string>(), Users.ProfileRights.None);
}

public sealed record CheckoutStarted(long AttemptId, Uri RedirectUrl);

using System.Text.Json;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Portal;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Portal;

/// <summary>The portal's documents (POR-2, CON-5): what a contact sees, and accept / reject / pay through the emailed link's code.</summary>
public class PortalDocumentsTests
{
    private static PortalDocuments Docs(DomainHost host) => host.Get<PortalDocuments>();

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_the_list_shows_the_customers_issued_documents_of_the_permitted_modules_only(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var everything = await host.PortalContactAsync();
        var customer = everything.CustomerId;
        var quote = await host.IssuedAsync(DocumentType.Quote, customer);
        var invoice = await host.IssuedAsync(DocumentType.Invoice, customer);
        var proforma = await host.IssuedAsync(DocumentType.Proforma, customer);
        var delivery = await host.IssuedAsync(DocumentType.DeliveryNote, customer);
        await host.DraftAsync(DocumentType.Invoice, customer);
        var cancelled = await host.IssuedAsync(DocumentType.Invoice, customer);
        await host.Documents().CancelAsync(cancelled, (await host.DetailsAsync(cancelled)).Version);
        var other = await host.PortalContactAsync();
        await host.IssuedAsync(DocumentType.Invoice, other.CustomerId);

        var all = await Docs(host).ListAsync(await host.SessionAsync(everything));
        Assert.Equal(new[] { delivery, proforma, invoice, quote }.Order(), all!.Rows.Select(r => r.Id).Order());
        Assert.All(all.Rows, r => Assert.NotNull(r.Number));

        var estimatesOnly = await host.ColleagueAsync(customer, PortalPermissions.Estimates);
        Assert.Equal(new[] { quote }, (await Docs(host).ListAsync(await host.SessionAsync(estimatesOnly)))!.Rows.Select(r => r.Id));
        var invoicesOnly = await host.ColleagueAsync(customer, PortalPermissions.Invoices | PortalPermissions.Support);
        Assert.DoesNotContain(quote, (await Docs(host).ListAsync(await host.SessionAsync(invoicesOnly)))!.Rows.Select(r => r.Id));

        var none = await host.ColleagueAsync(customer, PortalPermissions.Projects);
        Assert.Null(await Docs(host).ListAsync(await host.SessionAsync(none)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_another_customers_document_a_draft_or_a_module_without_permission_reads_like_a_missing_id_and_writes_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.PortalContactAsync();
        var b = await host.PortalContactAsync();
        var bQuote = await host.IssuedAsync(DocumentType.Quote, b.CustomerId);
        var bInvoice = await host.IssuedAsync(DocumentType.Invoice, b.CustomerId);
        var aDraft = await host.DraftAsync(DocumentType.Quote, a.CustomerId);
        var aInvoice = await host.IssuedAsync(DocumentType.Invoice, a.CustomerId);
        var quotesOnly = await host.SessionAsync(await host.ColleagueAsync(a.CustomerId, PortalPermissions.Estimates));
        var contact = await host.SessionAsync(a);
        var before = await host.FootprintAsync();

        foreach (var (who, id) in new[] { (contact, bQuote), (contact, bInvoice), (contact, aDraft), (contact, 999_999L), (quotesOnly, aInvoice) })
        {
            Assert.Null(await Docs(host).OpenAsync(who, id));
            Assert.Null(await Docs(host).PeekAsync(who, id));
            Assert.Null(await Docs(host).StoredPdfAsync(who, id));
            Assert.Null(await Docs(host).AcceptAsync(who, id, "", PublicLinkData.Ip));
            Assert.Null(await Docs(host).RejectAsync(who, id, "no", PublicLinkData.Ip));
            Assert.Null(await Docs(host).StartCheckoutAsync(who, id, PublicLinkData.Ip));
        }

        Assert.Equal(before, await host.FootprintAsync());
        await using var db = host.Db();
        Assert.Equal(0, await db.PaymentAttempts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_accepting_in_the_portal_answers_once_in_the_contacts_name_with_history_via_the_portal_and_a_live_change(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.PortalContactAsync();
        var quote = await host.IssuedAsync(DocumentType.Quote, a.CustomerId);
        var contact = await host.SessionAsync(a);
        using var feed = new FeedRecorder(host.Feed);

        var outcome = await Docs(host).AcceptAsync(contact, quote, "  Adelante  ", PublicLinkData.Ip);

        Assert.False(outcome!.AlreadyAnswered);
        var stored = await host.StoredDocumentAsync(quote);
        Assert.Equal(DocumentStatus.Accepted, stored.Status);
        Assert.Equal(a.Name, stored.ResponseName);
        Assert.Equal("Adelante", stored.ResponseComment);
        await using (var db = host.Db())
        {
            var line = await db.History.SingleAsync(h => h.Kind == HistoryKind.DocumentAccepted);
            Assert.Equal(a.CustomerId, line.ClientId);
            Assert.Equal(a.Name, line.ActorName);
            Assert.Null(line.UserId);
            var data = JsonSerializer.Deserialize<PublicLinkEvent>(line.Data!)!;
            Assert.True(data.ViaPortal);
            Assert.Equal(a.Email, data.Recipient);
        }
        Assert.Contains(feed.Changes, c => c.Topic == Topics.Document && c.Id == quote && c.ClientId == a.CustomerId);

        // A second answer (a double click, another tab) keeps the first and writes nothing.
        var again = await Docs(host).RejectAsync(contact, quote, "Changed my mind", PublicLinkData.Ip);
        Assert.True(again!.AlreadyAnswered);
        Assert.Equal(DocumentStatus.Accepted, again.Answer.Status);
        Assert.Equal(1, await host.HistoryCountAsync(HistoryKind.DocumentAccepted));
        Assert.Equal(0, await host.HistoryCountAsync(HistoryKind.DocumentRejected));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_rejecting_without_a_reason_or_with_one_too_long_is_a_field_error_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.PortalContactAsync();
        var quote = await host.IssuedAsync(DocumentType.Quote, a.CustomerId);
        var contact = await host.SessionAsync(a);
        var before = await host.FootprintAsync();

        await Expect.FieldErrorAsync(() => Docs(host).RejectAsync(contact, quote, "   ", PublicLinkData.Ip), "Comment", "Error.Required");
        await Expect.FieldErrorAsync(() => Docs(host).RejectAsync(contact, quote, new string('x', PublicDocumentService.CommentMax + 1), PublicLinkData.Ip),
            "Comment", $"Error.TooLong|{PublicDocumentService.CommentMax}");

        Assert.Equal(before, await host.FootprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_the_first_portal_opening_marks_the_document_viewed_with_one_history_line(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.PortalContactAsync();
        var invoice = await host.IssuedAsync(DocumentType.Invoice, a.CustomerId);
        var contact = await host.SessionAsync(a);

        var view = await Docs(host).OpenAsync(contact, invoice);
        await Docs(host).OpenAsync(contact, invoice);

        Assert.Equal(DocumentStatus.Viewed, view!.Status);
        Assert.Equal(DocumentStatus.Viewed, (await host.StoredDocumentAsync(invoice)).Status);
        Assert.Equal(1, await host.HistoryCountAsync(HistoryKind.DocumentViewed));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_pay_starts_the_gateway_checkout_for_the_balance_and_the_gateways_confirmation_marks_the_invoice_paid_once(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.PortalContactAsync();
        var invoice = await host.IssuedAsync(DocumentType.Invoice, a.CustomerId);
        var contact = await host.SessionAsync(a);

        var started = await Docs(host).StartCheckoutAsync(contact, invoice, PublicLinkData.Ip);

        Assert.NotNull(started);
        PaymentAttempt attempt;
        await using (var db = host.Db()) attempt = await db.PaymentAttempts.SingleAsync(x => x.Id == started!.AttemptId);
        Assert.Equal(108_90, attempt.AmountMinor);
        Assert.Null(attempt.LinkId);
        Assert.Contains($"portal%2Fdocuments%2F{invoice}%3Fpayment%3D{attempt.Id}", started!.RedirectUrl.ToString());
        Assert.Equal(PaymentAttemptStatus.Pending, (await Docs(host).PaymentAsync(contact, invoice, attempt.Id))!.Attempt);

        await host.Payments().ConfirmAsync(PaymentData.Confirmation(attempt));
        await host.Payments().ConfirmAsync(PaymentData.Confirmation(attempt, eventId: "evt_2"));

        Assert.Equal(DocumentStatus.Paid, (await host.StoredDocumentAsync(invoice)).Status);
        Assert.Single(await host.PaymentsOfAsync(invoice));
        var state = await Docs(host).PaymentAsync(contact, invoice, attempt.Id);
        Assert.Equal(PaymentAttemptStatus.Succeeded, state!.Attempt);
        // Paid: nothing more to pay, refused with the payment rules' reason.
        await Expect.RefusedAsync(() => Docs(host).StartCheckoutAsync(contact, invoice, PublicLinkData.Ip), "Error.DocumentAlreadyPaid");
    }
}

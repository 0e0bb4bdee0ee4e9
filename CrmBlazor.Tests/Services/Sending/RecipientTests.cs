using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Sending;

namespace CrmBlazor.Tests.Services.Sending;

/// <summary>Who a document is mailed to (SND-1, CON-6).</summary>
public class RecipientTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_1_a_company_s_contacts_with_the_toggle_on_are_preselected_the_others_listed_unticked(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, people) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null), ("Bruno", n => n.Invoice = false));
        var invoice = await host.IssuedAsync(DocumentType.Invoice, company);
        var quote = await host.IssuedAsync(DocumentType.Quote, company);

        var forInvoice = await host.Sending().PrepareAsync(invoice);
        var forQuote = await host.Sending().PrepareAsync(quote);

        Assert.Equal([(people[0], true, true), (people[1], false, false)],
            forInvoice.Recipients.Select(r => (r.ClientId, r.NotificationOn, r.Preselected)).ToArray());
        Assert.Equal(await host.EmailOfAsync(people[0]), forInvoice.Recipients[0].Email);
        Assert.False(forInvoice.NobodyPreselected);
        // Bruno only turned invoices off: quotes follow the Estimate toggle.
        Assert.All(forQuote.Recipients, r => Assert.True(r.Preselected));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_1_toggles_follow_the_document_type_credit_notes_and_quotes_have_their_own(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, _) = await host.CompanyWithContactsAsync("Velas Sur SL", ("Ana", n => { n.CreditNote = false; n.Estimate = false; }));

        var preselected = new Dictionary<DocumentType, bool>();
        foreach (var type in Enum.GetValues<DocumentType>())
            preselected[type] = (await host.Sending().PrepareAsync(await host.IssuedAsync(type, company))).Recipients.Single().Preselected;

        Assert.Equal(new Dictionary<DocumentType, bool>
        {
            [DocumentType.Quote] = false, [DocumentType.DeliveryNote] = true, [DocumentType.Proforma] = true,
            [DocumentType.Invoice] = true, [DocumentType.CreditNote] = false,
        }, preselected);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_1_a_person_client_is_its_own_recipient_and_inactive_contacts_are_not_preselected(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var person = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak"));
        var (company, people) = await host.CompanyWithContactsAsync("Kowalski Sp. z o.o.", ("Jan", null));
        await host.DeactivateAsync(people[0]);

        var own = await host.Sending().PrepareAsync(await host.IssuedAsync(DocumentType.Invoice, person));
        var theirs = await host.Sending().PrepareAsync(await host.IssuedAsync(DocumentType.Invoice, company));

        Assert.Equal((person, true), (own.Recipients.Single().ClientId, own.Recipients.Single().Preselected));
        Assert.Equal((people[0], false, false), (theirs.Recipients.Single().ClientId, theirs.Recipients.Single().IsActive, theirs.Recipients.Single().Preselected));
        Assert.True(theirs.NobodyPreselected);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_1_with_nobody_to_send_to_it_says_so_and_sending_asks_for_a_recipient(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company("Sin Contactos SL"));
        var invoice = await host.IssuedAsync(DocumentType.Invoice, company);

        var draft = await host.Sending().PrepareAsync(invoice);
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Sending().SendAsync(new SendRequest
        {
            DocumentId = invoice, ExpectedVersion = draft.Version, Subject = draft.Subject, Body = draft.Body,
        }));

        Assert.Empty(draft.Recipients);
        Assert.True(draft.NobodyPreselected);
        Assert.Equal("Error.SendNoRecipients", error.Errors["Recipients"]);
        Assert.Equal(0, (await host.SendingCountsAsync()).Outbox);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_1_staff_add_typed_addresses_which_are_checked_and_deduplicated(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, people) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null));
        var invoice = await host.IssuedAsync(DocumentType.Invoice, company);
        var draft = await host.Sending().PrepareAsync(invoice);
        var ana = await host.EmailOfAsync(people[0]);
        SendRequest Request(params string[] emails) => new()
        {
            DocumentId = invoice, ExpectedVersion = draft.Version, ContactIds = [people[0]], Emails = emails.ToList(), Subject = draft.Subject, Body = draft.Body,
        };

        foreach (var bad in new[] { "not-an-address", "a@b.com\r\nBcc: victim@example.com", "Someone <a@b.com>", "a@b.com, c@d.com" })
        {
            var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Sending().SendAsync(Request(bad)));
            Assert.Equal("Error.EmailInvalid", error.Errors[nameof(SendRequest.Emails)]);
        }
        Assert.Equal(0, (await host.SendingCountsAsync()).Outbox);

        Assert.Equal(2, await host.Sending().SendAsync(Request(ana.ToUpperInvariant(), " accounts@velas.example ", "ACCOUNTS@velas.example")));
        Assert.Equal([ana, "accounts@velas.example"], (await host.OutboxAsync()).Select(m => m.ToAddress).ToArray());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_6_a_customer_whose_only_contact_has_the_notification_off_gets_no_email_of_that_kind(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, _) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", n => n.Invoice = false));
        var invoice = await host.IssuedAsync(DocumentType.Invoice, company);

        var draft = await host.Sending().PrepareAsync(invoice);

        Assert.True(draft.NobodyPreselected);
        Assert.False(draft.Recipients.Single().Preselected);
        Assert.Equal(0, (await host.SendingCountsAsync()).Outbox);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_1_only_staff_prepare_and_send_and_only_issued_documents(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var person = await host.CreateAsync(ClientBuilder.Person());
        var draft = await host.DraftAsync(DocumentType.Invoice, person);
        var cancelled = await host.IssuedAsync(DocumentType.Invoice, person);
        await host.Documents().CancelAsync(cancelled, (await host.DetailsAsync(cancelled)).Version);
        var issued = await host.IssuedAsync(DocumentType.Invoice, person);

        Assert.Equal("Error.DocumentNotSendable", (await Assert.ThrowsAsync<DomainException>(() => host.Sending().PrepareAsync(draft))).MessageKey);
        Assert.Equal("Error.DocumentNotSendable", (await Assert.ThrowsAsync<DomainException>(() => host.Sending().PrepareAsync(cancelled))).MessageKey);
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Sending().PrepareAsync(issued));
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Sending().SendAsync(new SendRequest { DocumentId = issued, Subject = "s", Body = "b", Emails = ["a@b.example"] }));
    }
}

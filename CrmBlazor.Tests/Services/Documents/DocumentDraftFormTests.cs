using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using static CrmBlazor.Tests.Support.DocumentData;

namespace CrmBlazor.Tests.Services.Documents;

/// <summary>DOC-8: a new document starts in the client's language and currency; DEA-7: who can still get one.</summary>
public class DocumentDraftFormTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_8_a_new_draft_takes_the_clients_language_and_currency_and_the_payment_terms(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Person(change: f => (f.Language, f.Currency) = ("fr", "CHF")));
        await host.ChangeSettingsAsync(s => s.PaymentTermDays = 14);
        var documents = host.Documents();

        var invoice = await documents.NewDraftFormAsync(DocumentType.Invoice, client);
        var quote = await documents.NewDraftFormAsync(DocumentType.Quote, client);
        var note = await documents.NewDraftFormAsync(DocumentType.DeliveryNote, client);

        Assert.Equal((DocumentType.Invoice, client, "fr", "CHF"), (invoice.Type, invoice.ClientId, invoice.Language, invoice.Currency));
        Assert.Equal((Today, (DateOnly?)Today.AddDays(14), (DateOnly?)null), (invoice.IssueDate, invoice.DueDate, invoice.ValidUntil));
        Assert.Equal(((DateOnly?)null, (DateOnly?)Today.AddDays(30)), (quote.DueDate, quote.ValidUntil));
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), (note.DueDate, note.ValidUntil));
        Assert.All([invoice, quote, note], f => Assert.Empty(f.Lines));
        Assert.Equal(("fr", "CHF"), (quote.Language, quote.Currency));
        var proforma = await documents.NewDraftFormAsync(DocumentType.Proforma, client);
        Assert.Equal((DocumentType.Proforma, (DateOnly?)Today.AddDays(14)), (proforma.Type, proforma.DueDate));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_8_the_filled_in_form_saves_a_draft_in_the_clients_language(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Person());
        var form = await host.Documents().NewDraftFormAsync(DocumentType.Invoice, client);
        form.Lines.Add(Line(await host.RateAsync(23m, "PL"), 1m, 100_00));

        var draft = await host.DetailsAsync(await host.Documents().CreateDraftAsync(form));

        Assert.Equal(("pl", "PLN", 123_00L, (DateOnly?)Today.AddDays(30)), (draft.Language, draft.Currency, draft.Totals.TotalMinor, draft.DueDate));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_7_a_deactivated_client_can_still_get_a_draft_marked_inactive(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        await host.DeactivateAsync(client);

        var form = await host.Documents().NewDraftFormAsync(DocumentType.Quote, client);
        var id = await host.DraftAsync(DocumentType.Quote, client);

        Assert.Equal(client, form.ClientId);
        var draft = await host.DetailsAsync(id);
        Assert.Equal((client, ClientStatus.Inactive), (draft.ClientId, draft.ClientStatus));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_7_an_archived_client_cannot_get_a_draft(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        await host.ArchiveAsync(client);
        var before = await host.DocumentCountsAsync();

        await Expect.FieldErrorAsync(() => host.Documents().NewDraftFormAsync(DocumentType.Quote, client), "ClientId", "Error.ClientArchived");
        await Expect.FieldErrorAsync(() => host.DraftAsync(DocumentType.Quote, client), "ClientId", "Error.ClientArchived");

        Assert.Equal(before, await host.DocumentCountsAsync());
    }
}

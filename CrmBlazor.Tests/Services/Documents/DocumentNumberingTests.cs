using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Documents;

public class DocumentNumberingTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_2_invoices_issued_at_the_same_moment_get_gapless_unique_numbers(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company());
        var documents = host.Get<DocumentService>();
        var drafts = new List<long>();
        for (var i = 0; i < 12; i++) drafts.Add(await documents.CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId)));

        var numbers = await Task.WhenAll(drafts.Select(id => Task.Run(() => documents.IssueAsync(id))));

        var year = host.Clock.GetUtcNow().Year;
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"INV-{year}-{n:0000}"), numbers.Order());
        await using var db = host.Db();
        Assert.Equal(12, await db.Documents.CountAsync(d => d.Status == DocumentStatus.Issued && d.Number != null));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_2_issuing_the_same_draft_twice_at_once_issues_it_once_and_wastes_no_number(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company());
        var documents = host.Get<DocumentService>();
        var draft = await documents.CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId));
        var next = await documents.CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try { return await documents.IssueAsync(draft); }
            catch (CrmBlazor.Domain.Common.DomainException) { return null; }
        })));

        Assert.Single(results, r => r is not null);
        var year = host.Clock.GetUtcNow().Year;
        Assert.Equal($"INV-{year}-0002", await documents.IssueAsync(next));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_2_drafts_have_no_number_and_issuing_uses_the_prefix_from_settings(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var draft = await host.DraftAsync(DocumentType.Invoice, client);
        Assert.Null((await host.DetailsAsync(draft)).Number);

        await host.ChangeSettingsAsync(s => { s.InvoicePrefix = "FAC"; s.QuotePrefix = "PRE2"; });

        Assert.Equal("FAC-2026-0001", await host.Documents().IssueAsync(draft));
        Assert.Equal("PRE2-2026-0001", await host.Documents().IssueAsync(await host.DraftAsync(DocumentType.Quote, client)));
        Assert.Equal("FAC-2026-0001", (await host.DetailsAsync(draft)).Number);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_2_each_type_counts_on_its_own(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var numbers = new List<string>();
        foreach (var type in new[] { DocumentType.Invoice, DocumentType.Quote, DocumentType.Invoice, DocumentType.DeliveryNote,
                     DocumentType.Quote, DocumentType.Proforma, DocumentType.Invoice, DocumentType.CreditNote })
            numbers.Add(await host.Documents().IssueAsync(await host.DraftAsync(type, client)));

        Assert.Equal(["INV-2026-0001", "Q-2026-0001", "INV-2026-0002", "DN-2026-0001", "Q-2026-0002", "PF-2026-0001", "INV-2026-0003", "CN-2026-0001"], numbers);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_2_a_new_year_restarts_at_0001(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var first = await host.IssuedAsync(DocumentType.Invoice, client);
        var second = await host.IssuedAsync(DocumentType.Invoice, client);

        host.Clock.Advance(TimeSpan.FromDays(40)); // 5 January 2027
        var next = await host.IssuedAsync(DocumentType.Invoice, client);

        string?[] numbers = [(await host.DetailsAsync(first)).Number, (await host.DetailsAsync(second)).Number, (await host.DetailsAsync(next)).Number];
        Assert.Equal("INV-2026-0001 INV-2026-0002 INV-2027-0001", string.Join(" ", numbers));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_2_a_failed_issue_consumes_no_number(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var documents = host.Documents();
        var issued = await host.IssuedAsync(DocumentType.Invoice, client);

        await Expect.RefusedAsync(() => documents.IssueAsync(issued), "Error.DocumentNotDraft");
        await documents.CancelAsync(issued, (await host.DetailsAsync(issued)).Version);
        await Expect.RefusedAsync(() => documents.IssueAsync(issued), "Error.DocumentNotDraft");
        await Expect.RefusedAsync(() => documents.IssueAsync(999_999), "Error.DocumentNotFound");

        Assert.Equal("INV-2026-0002", await documents.IssueAsync(await host.DraftAsync(DocumentType.Invoice, client)));
        await using var db = host.Db();
        Assert.Equal(2, await db.DocumentCounters.Where(c => c.Type == DocumentType.Invoice).Select(c => c.Last).SingleAsync());
    }
}

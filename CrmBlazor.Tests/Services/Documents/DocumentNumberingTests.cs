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
}

using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Documents;

public class DocumentIssueDateTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_2_an_invoice_is_dated_the_day_it_is_issued_so_numbers_and_dates_run_together(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company());
        var documents = host.Get<DocumentService>();
        var draft = await documents.CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId));
        var created = (await documents.GetAsync(draft))!;

        host.Clock.Advance(TimeSpan.FromDays(40)); // issued in a later month than drafted
        var number = await documents.IssueAsync(draft);

        var issued = (await documents.GetAsync(draft))!;
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(today, issued.IssueDate);
        Assert.Equal(created.DueDate!.Value.DayNumber - created.IssueDate.DayNumber, issued.DueDate!.Value.DayNumber - today.DayNumber);
        Assert.Contains($"-{today.Year}-", number);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_2_a_quote_keeps_the_date_it_was_given(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company());
        var documents = host.Get<DocumentService>();
        var draft = await documents.CreateDraftAsync(await DocumentBuilder.FormAsync(host, DocumentType.Quote, clientId));
        var created = (await documents.GetAsync(draft))!;

        host.Clock.Advance(TimeSpan.FromDays(3));
        await documents.IssueAsync(draft);

        Assert.Equal(created.IssueDate, (await documents.GetAsync(draft))!.IssueDate);
    }
}

using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Documents;

/// <summary>DOC-6: the document list filters on the server, newest first, in keyset pages.</summary>
public class DocumentListTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_6_the_list_filters_by_client_type_status_and_dates(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var b = await host.CreateAsync(ClientBuilder.Company("Bodegas Sur SA"));
        var aQuote = await host.DraftAsync(DocumentType.Quote, a, f => Dated(f, -20));
        var aInvoice = await IssuedDaysAgoAsync(host, a, 10);
        var bInvoice = await IssuedDaysAgoAsync(host, b, 5);
        var bDraft = await host.DraftAsync(DocumentType.Invoice, b, f => Dated(f, 0));
        var list = host.Get<DocumentList>();

        async Task<long[]> Ids(DocumentListRequest r) => (await list.ListAsync(r)).Rows.Select(x => x.Id).ToArray();

        Assert.Equal([aInvoice, aQuote], await Ids(new(ClientId: a)));
        Assert.Equal([bDraft, bInvoice, aInvoice], await Ids(new(Type: DocumentType.Invoice)));
        Assert.Equal([bInvoice, aInvoice], await Ids(new(Status: DocumentStatus.Issued)));
        Assert.Equal([bDraft], await Ids(new(ClientId: b, Status: DocumentStatus.Draft)));
        Assert.Equal([bInvoice, aInvoice], await Ids(new(From: Today.AddDays(-10), To: Today.AddDays(-5))));
        Assert.Equal([bDraft, bInvoice], await Ids(new(From: Today.AddDays(-5))));
        Assert.Equal([aQuote], await Ids(new(To: Today.AddDays(-11))));
        Assert.Equal(4, (await list.ListAsync(new())).Total);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_6_to_before_from_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);

        await Expect.FieldErrorAsync(() => host.Get<DocumentList>().ListAsync(new(From: Today, To: Today.AddDays(-1))), "To", "Error.DateRange");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_6_pages_are_newest_first_and_never_overlap(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var ids = new List<long>();
        foreach (var offset in new[] { -3, 0, -1, -3, -7, 0, -1, -3, -2, -7, 0, -5, -3 })
            ids.Add(await host.DraftAsync(DocumentType.Quote, client, f => Dated(f, offset)));

        var pages = await host.PagesAsync(new DocumentListRequest(PageSize: 4));

        Assert.Equal([4, 4, 4, 1], pages.Select(p => p.Count));
        var rows = pages.SelectMany(p => p).ToList();
        Assert.Equal(ids.Order(), rows.Select(r => r.Id).Order());
        Assert.Equal(rows.OrderByDescending(r => r.IssueDate).ThenByDescending(r => r.Id).Select(r => r.Id), rows.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_6_rows_carry_client_name_number_status_and_total(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var id = await host.IssuedAsync(DocumentType.Invoice, client);

        var row = Assert.Single((await host.Get<DocumentList>().ListAsync(new(ClientId: client))).Rows);

        Assert.Equal(new DocumentRow(id, DocumentType.Invoice, DocumentStatus.Issued, "INV-2026-0001", client, "Astillero Norte SL",
            Today, Today.AddDays(30), "EUR", 108_90), row);
    }

    private static void Dated(DocumentForm form, int days)
    {
        form.IssueDate = Today.AddDays(days);
        form.DueDate = form.Type.HasDueDate() ? form.IssueDate.AddDays(30) : null;
        form.ValidUntil = form.Type.HasValidUntil() ? form.IssueDate.AddDays(30) : null;
    }

    // Invoices are dated the day they are issued: issue them with the clock set back.
    private static async Task<long> IssuedDaysAgoAsync(DomainHost host, long client, int days)
    {
        host.Clock.Advance(TimeSpan.FromDays(-days));
        var id = await host.IssuedAsync(DocumentType.Invoice, client, f => Dated(f, -days));
        host.Clock.Advance(TimeSpan.FromDays(days));
        return id;
    }
}

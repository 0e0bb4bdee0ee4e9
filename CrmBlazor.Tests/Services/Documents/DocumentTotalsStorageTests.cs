using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CrmBlazor.Tests.Support.DocumentData;

namespace CrmBlazor.Tests.Services.Documents;

/// <summary>DOC-1 in the database: stored totals match the computed ones and sum exactly in SQL.</summary>
public class DocumentTotalsStorageTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_1_totals_stored_on_the_row_equal_the_computed_ones(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var (r21, r10, r4) = (await host.RateAsync(21m), await host.RateAsync(10m), await host.RateAsync(4m));

        var id = await host.DraftAsync(DocumentType.Invoice, client, f => f.Lines =
            [Line(r21, 0.333m, 300), Line(r10, 3m, 333, 12.5m), Line(r4, 1.234m, 1999, 12.5m), Line(r21, 0.005m, 100)]);

        await using var db = host.Db();
        var row = await db.Documents.AsNoTracking().Include(d => d.Lines).SingleAsync(d => d.Id == id);
        Assert.Equal([0.333m, 3m, 1.234m, 0.005m], row.Lines.OrderBy(l => l.Position).Select(l => l.Quantity));
        var computed = row.Totals();
        Assert.Equal((101L, 874L, 2158L), (computed.Taxes[2].NetMinor, computed.Taxes[1].NetMinor, computed.Taxes[0].NetMinor));
        Assert.Equal((computed.NetMinor, computed.TaxMinor, computed.TotalMinor), (row.NetMinor, row.TaxMinor, row.TotalMinor));
        // 4 % of 2158 = 86.32 → 86; 10 % of 874 = 87.4 → 87; 21 % of 101 = 21.21 → 21.
        Assert.Equal((3133L, 194L, 3327L), (row.NetMinor, row.TaxMinor, row.TotalMinor));
        var details = await host.DetailsAsync(id);
        Assert.Equal(computed, details.Totals with { Taxes = computed.Taxes });
        Assert.Equal(computed.Taxes, details.Totals.Taxes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_1_sql_sum_over_stored_totals_is_exact(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        await using var db = host.Db();
        var rates = await db.TaxRates.ToDictionaryAsync(t => t.Id, t => t.Percent);
        var ids = rates.Keys.Order().ToArray();
        var documents = Enumerable.Range(1, 60).Select(i =>
        {
            var form = Form(DocumentType.Invoice,
                Line(ids[i % ids.Length], i * 0.007m, 1_234_567 + i * 13, i % 9 * 1.25m),
                Line(ids[(i + 5) % ids.Length], 1m, i % 7 == 0 ? 99_999_999_99L : i * 3, 12.5m));
            form.ClientId = client;
            return Document.CreateDraft(form, rates, Now);
        }).ToList();
        db.Documents.AddRange(documents);
        await db.SaveChangesAsync();

        await using var read = host.Db();
        Assert.Equal(documents.Sum(d => d.Totals().TotalMinor), await read.Documents.SumAsync(d => d.TotalMinor));
        Assert.Equal(documents.Sum(d => d.Totals().NetMinor), await read.Documents.SumAsync(d => d.NetMinor));
        Assert.Equal(documents.Sum(d => d.Totals().TaxMinor), await read.Documents.SumAsync(d => d.TaxMinor));
        Assert.Equal(documents.SelectMany(d => d.Lines).Sum(l => l.NetMinor), await read.DocumentLines.SumAsync(l => l.NetMinor));
    }
}

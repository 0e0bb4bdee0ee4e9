using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>CSV export of a filtered, searched list: every row once, across many pages (DIR-3, DIR-4).</summary>
public class ClientExportTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_4_export_writes_every_row_of_the_filtered_list_once_in_list_order(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var count = ClientListRequest.MaxPageSize * 2 + 7;
        await host.BulkCompaniesAsync(count);
        var ids = await host.InsertAsync(
        [
            ClientBuilder.Company("=HYPERLINK(\"http://evil\")", f => { f.City = "Paris, 8e"; f.Phone = "+33 1 00 00 00 00"; }),
            ClientBuilder.Company("Dormant", f => f.City = "Lyon"),
            ClientBuilder.Company("Archived", f => f.City = "Lyon"),
        ]);
        await host.DeactivateAsync(ids[1]);
        await host.ArchiveAsync(ids[2]);

        var all = await ExportAsync(host, new ClientListRequest(ClientKind.Company, PageSize: 5));
        Assert.Equal(string.Join(',', ClientCsvExporter.Header), all[0]);
        Assert.Equal(count + 2 + 1, all.Length);
        var exportedIds = all.Skip(1).Select(line => long.Parse(line[..line.IndexOf(',')])).ToList();
        Assert.Equal(exportedIds.Count, exportedIds.Distinct().Count());
        Assert.DoesNotContain(ids[2], exportedIds);
        Assert.Contains($"{ids[0]},\"'=HYPERLINK(\"\"http://evil\"\")\",", all.Single(l => l.Contains("HYPERLINK")));
        Assert.Contains(",\"Paris, 8e\",", all.Single(l => l.Contains("HYPERLINK")));
        Assert.Contains(",'+33 1 00 00 00 00,", all.Single(l => l.Contains("HYPERLINK")));
        Assert.EndsWith(",yes,no,no,2026-11-26", all.Single(l => l.Contains("Dormant")));

        var lyon = await ExportAsync(host, new ClientListRequest(ClientKind.Company, Search: "lyon", Filter: ClientFilter.Parse(["active.eq.no"]), Sort: ClientSortField.City, Descending: true));
        Assert.Equal(2, lyon.Length);
        Assert.StartsWith($"{ids[1]},Dormant,", lyon[1]);
    }

    private static async Task<string[]> ExportAsync(DomainHost host, ClientListRequest request)
    {
        await using var writer = new StringWriter();
        await host.Get<ClientCsvExporter>().WriteAsync(request, writer);
        return writer.ToString().Split(writer.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }
}

using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.E2E;

/// <summary>No screen reads more than <see cref="RowReadGuard.Limit"/> rows, however large the directory (DIR-3).</summary>
[Collection(LargeAppCollection.Name)]
public class RowGuardTests(LargeAppFixture fixture)
{
    [Fact]
    public async Task DIR_3_no_page_loads_more_than_500_rows_from_the_database()
    {
        var guard = fixture.App.Get<RowReadGuard>();
        var page = await fixture.SignInAsync();
        guard.Reset();

        string[] urls =
        [
            "/companies", "/companies?f=active.eq.no", "/companies?sort=city&desc=1", "/companies?sort=created",
            "/persons", "/persons?q=a", "/companies?f=role.eq.client&f=name.contains.a", "/admin/users",
            $"/clients/{await BusiestCompanyAsync()}",
        ];
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            await Blazor.WaitForCircuitAsync(page);
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        }
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync("/companies");
            await Blazor.WaitForCircuitAsync(page);
            await page.ClickAsync("#page-next");
            await page.Locator("#list-range").Filter(new() { HasText = "51–100" }).WaitForAsync();
        }
        var csv = await page.APIRequest.GetAsync("/companies/export.csv");
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(1_201, lines.Length); // every company, header included: the export reads page by page
        Assert.InRange(guard.MaxRowsRead, 1, RowReadGuard.Limit);
        await page.Context.CloseAsync();
    }

    private async Task<long> BusiestCompanyAsync()
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        return await db.ContactLinks.GroupBy(l => l.CompanyId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    }
}

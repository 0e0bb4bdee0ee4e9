using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

[Collection(AppCollection.Name)]
public class DirectoryTests(AppFixture fixture)
{
    [Fact]
    public async Task DIR_3_find_a_client_by_search()
    {
        var target = await LastByNameAsync(ClientKind.Company);
        var page = await fixture.SignInAsync();

        await page.FillAsync("#list-search", target.Name);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q="));
        await page.Locator("#client-table tbody tr").Filter(new() { HasText = target.Name }).First.WaitForAsync();
        Assert.True(await page.Locator("#client-table tbody tr.mud-table-row").CountAsync() < 5);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DIR_4_build_and_save_active_equals_no_then_open_its_url_in_a_second_browser()
    {
        var inactive = await CountAsync(ClientKind.Company, ClientStatus.Inactive);
        var office = await fixture.SignInAsync("office@demo.local");
        var list = new ClientListPage(office);

        await list.AddRuleAsync("Active", "equals", "No");
        await Assertions.Expect(office).ToHaveURLAsync(new Regex(@"f=active\.eq\.no"));
        await list.WaitForRangeAsync($"of {inactive}");
        Assert.Equal(await list.RowCountAsync(), await list.InactiveBadgeCountAsync());

        var filterName = "Inactive companies " + Guid.NewGuid().ToString("N")[..6];
        await list.SaveFilterAsync(filterName, shared: true);

        var sales = await fixture.SignInAsync("sales@demo.local");
        await sales.GotoAsync(office.Url);
        await Blazor.WaitForCircuitAsync(sales);
        var salesList = new ClientListPage(sales);
        await salesList.WaitForRangeAsync($"of {inactive}");
        Assert.Equal(await salesList.RowCountAsync(), await salesList.InactiveBadgeCountAsync());
        Assert.Contains(filterName, await salesList.SavedFilterNamesAsync());

        await office.Context.CloseAsync();
        await sales.Context.CloseAsync();
    }

    [Fact]
    public async Task DIR_4_a_hand_edited_filter_url_shows_a_message_not_an_error_page()
    {
        var page = await fixture.SignInAsync();

        await page.GotoAsync("/companies?f=password.eq.x");
        await Blazor.WaitForCircuitAsync(page);

        Assert.Contains("\"password\" is not offered", await page.InnerTextAsync("#list-error"));
        Assert.True(await page.Locator("#client-table tbody tr").CountAsync() > 0);
        await page.Context.CloseAsync();
    }

    // The last one by name is on the last page, so finding it proves the search, not the first page.
    private async Task<ClientRowInfo> LastByNameAsync(ClientKind kind)
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        return await db.Clients.Where(c => c.Kind == kind).OrderByDescending(c => c.SortKey)
            .Select(c => new ClientRowInfo(c.Id, c.Name)).FirstAsync();
    }

    private async Task<int> CountAsync(ClientKind kind, ClientStatus status)
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        return await db.Clients.CountAsync(c => c.Kind == kind && c.Status == status);
    }

    private sealed record ClientRowInfo(long Id, string Name);
}

using System.Data.Common;
using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.Clients;

/// <summary>
/// DIR-8, issue 14: a colleague's change reaches only what it can affect on an open list. The page's
/// <see cref="ClientDirectory"/> reads through a counting database factory, so the tests see every query it makes.
/// </summary>
public class TargetedLiveUpdateTests : ComponentTestBase
{
    private readonly CountingCommands _directoryQueries = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var counted = new CrmDbContextFactory(Host.Database.Options, Path.Combine(Path.GetTempPath(), "crmblazor-tests"), _directoryQueries);
        Services.AddSingleton(new ClientDirectory(counted, Host.Actor, new CrmBlazor.Domain.Live.ChangeReads()));
    }

    private async Task<IRenderedComponent<ClientListPage>> RenderListAsync(int expectedRows)
    {
        Nav.NavigateTo("/companies");
        var cut = RenderWithProviders<ClientListPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal(expectedRows, Names(cut).Length));
        return cut;
    }

    private static string[] Names(IRenderedComponent<ClientListPage> cut) =>
        cut.FindAll("#client-table a.client-name").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task DIR_8_a_change_to_a_client_off_the_page_that_cannot_enter_it_reads_no_page_and_renders_nothing()
    {
        var ids = await SeedCompaniesAsync(60);
        var cut = await RenderListAsync(50);
        var table = cut.FindComponent<ClientTable>();
        var (renders, queries) = (table.RenderCount, _directoryQueries.Count);

        await AsColleague<ClientService>().UpdateAsync(ids[55], ClientBuilder.Company("Company 056 renamed", f => f.City = "Gijón"), 1);
        await Task.Delay(500);

        Assert.Equal(queries + 1, _directoryQueries.Count); // the list's total, counted again (shared by every open list)
        Assert.Equal(renders, table.RenderCount);
    }

    [Fact]
    public async Task DIR_8_a_client_archived_off_the_page_updates_the_total_and_leaves_the_rows()
    {
        var ids = await SeedCompaniesAsync(60);
        var cut = await RenderListAsync(50);
        var before = Names(cut);

        await AsColleague<CrmBlazor.Domain.Clients.Archive.ClientArchiveService>().ArchiveAsync([ids[57]]);

        await cut.WaitForAssertionAsync(() => Assert.Equal("1–50 of 59", cut.Find("#list-range").TextContent.Trim()));
        Assert.Equal(before, Names(cut));
    }

    [Fact]
    public async Task DIR_8_a_change_to_a_row_on_the_page_re_reads_that_row_alone()
    {
        var ids = await SeedCompaniesAsync(60);
        var cut = await RenderListAsync(50);
        var queries = _directoryQueries.Count;
        var filter = cut.FindComponent<FilterBuilder>();
        var filterRenders = filter.RenderCount;

        await AsColleague<ClientService>().UpdateAsync(ids[9], ClientBuilder.Company("Company 010", f => f.City = "Gijón"), 1);

        await cut.WaitForAssertionAsync(() => Assert.Contains("Gijón", cut.FindAll("#client-table tbody tr")[9].TextContent));
        Assert.Equal(queries + 1, _directoryQueries.Count);
        Assert.Equal(filterRenders, filter.RenderCount); // the table renders; the page around it (buttons, search, filter) does not
        Assert.Equal("1–50 of 60", cut.Find("#list-range").TextContent.Trim());
    }

    [Fact]
    public async Task DIR_8_three_open_lists_showing_a_changed_row_share_one_read_of_it()
    {
        var ids = await SeedCompaniesAsync(60);
        Nav.NavigateTo("/companies");
        var root = Render<MudProviders>(p => p.AddChildContent(b =>
        {
            b.OpenComponent<ClientListPage>(0);
            b.CloseComponent();
            b.OpenComponent<ClientListPage>(1);
            b.CloseComponent();
            b.OpenComponent<ClientListPage>(2);
            b.CloseComponent();
        }));
        var tabs = root.FindComponents<ClientListPage>();
        foreach (var tab in tabs) await tab.WaitForAssertionAsync(() => Assert.Equal(50, Names(tab).Length));
        var queries = _directoryQueries.Count;

        await AsColleague<ClientService>().UpdateAsync(ids[4], ClientBuilder.Company("Company 005", f => f.City = "Gijón"), 1);

        foreach (var tab in tabs)
            await tab.WaitForAssertionAsync(() => Assert.Contains("Gijón", tab.FindAll("#client-table tbody tr")[4].TextContent));
        Assert.Equal(queries + 1, _directoryQueries.Count);
    }

    [Fact]
    public async Task DIR_8_a_client_moving_into_the_page_or_a_new_client_reloads_the_page()
    {
        var ids = await SeedCompaniesAsync(60);
        var cut = await RenderListAsync(50);

        await AsColleague<ClientService>().UpdateAsync(ids[59], ClientBuilder.Company("Company 000 moved up"), 1);
        await cut.WaitForAssertionAsync(() => Assert.Equal("Company 000 moved up", Names(cut)[0]));

        await AsColleague<ClientService>().CreateAsync(ClientBuilder.Company("Aaa new company"));
        await cut.WaitForAssertionAsync(() => Assert.Equal(["Aaa new company", "Company 000 moved up"], Names(cut)[..2]));
    }

    [Fact]
    public async Task DIR_8_a_burst_of_a_hundred_changes_ends_with_the_page_showing_the_final_state()
    {
        var ids = await SeedCompaniesAsync(60);
        var cut = await RenderListAsync(50);
        // 33 colleagues each save one row three times while one creates a client: as fast as the saves go
        // (on a quiet machine well under a second; the shared test machine takes longer).
        var lanes = Enumerable.Range(0, 33).Select(async lane =>
        {
            var colleague = AsColleague<ClientService>();
            var version = 1L;
            for (var round = 0; round < 3; round++)
            {
                var name = round == 1 ? $"Company {lane + 1:000} v{round}" : $"Company {lane + 1:000}";
                version = await colleague.UpdateAsync(ids[lane], ClientBuilder.Company(name, f => f.City = $"City {lane}-{round}"), version);
            }
        }).Append(AsColleague<ClientService>().CreateAsync(ClientBuilder.Company("Company 000 new")));
        await Task.WhenAll(lanes);

        var expected = (await Host.Get<ClientDirectory>().ListAsync(new ClientListRequest(ClientKind.Company))).Rows;
        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(expected.Select(r => r.Name), Names(cut));
            Assert.Equal(expected.Select(r => r.City), cut.FindAll("#client-table tbody tr td[data-label=City]").Select(td => td.TextContent.Trim()));
            Assert.Equal("1–50 of 61", cut.Find("#list-range").TextContent.Trim());
        });
    }

    private sealed class CountingCommands : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

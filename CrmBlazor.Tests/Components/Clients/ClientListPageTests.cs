using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Tests.Support.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace CrmBlazor.Tests.Components.Clients;

/// <summary>The company list: server paging, range text, search (DIR-3) and inactive rows (DIR-5).</summary>
public class ClientListPageTests : ComponentTestBase
{
    private IRenderedComponent<ClientListPage> RenderList(string url = "/companies")
    {
        Nav.NavigateTo(url);
        return RenderWithProviders<ClientListPage>();
    }

    private static string[] Names(IRenderedComponent<ClientListPage> cut) =>
        cut.FindAll("#client-table a.client-name").Select(a => a.TextContent.Trim()).ToArray();

    private static string Range(IRenderedComponent<ClientListPage> cut) => cut.Find("#list-range").TextContent.Trim();

    [Fact]
    public async Task DIR_3_the_list_shows_the_first_page_of_rows_and_the_range_of_the_total()
    {
        await SeedCompaniesAsync(55);

        var cut = RenderList();

        await cut.WaitForAssertionAsync(() => Assert.Equal("1–50 of 55", Range(cut)));
        var names = Names(cut);
        Assert.Equal(50, names.Length);
        Assert.Equal("Company 001", names[0]);
        Assert.Equal("Company 050", names[^1]);
    }

    [Fact]
    public async Task DIR_3_next_loads_the_following_page_and_previous_goes_back()
    {
        await SeedCompaniesAsync(55);
        var cut = RenderList();
        await cut.WaitForAssertionAsync(() => Assert.Equal("1–50 of 55", Range(cut)));

        await cut.Find("#page-next").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal("51–55 of 55", Range(cut)));
        Assert.Equal(["Company 051", "Company 052", "Company 053", "Company 054", "Company 055"], Names(cut));
        Assert.True(cut.Find("#page-next").HasAttribute("disabled"));

        await cut.Find("#page-previous").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal("1–50 of 55", Range(cut)));
        Assert.Equal("Company 001", Names(cut)[0]);
    }

    [Fact]
    public async Task DIR_3_a_search_in_the_url_filters_rows_on_the_server()
    {
        await SeedCompaniesAsync(3);
        await CreateCompanyAsync("Chantier Naval Dupont", f => f.City = "Nantes");

        var cut = RenderList("/companies?q=NANTES");

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Chantier Naval Dupont"], Names(cut)));
        Assert.Equal("1–1 of 1", Range(cut));
    }

    [Fact]
    public async Task DIR_3_typing_in_the_search_field_puts_it_in_the_url_and_filters_rows()
    {
        await SeedCompaniesAsync(3);
        await CreateCompanyAsync("Chantier Naval Dupont", f => f.City = "Nantes");
        var cut = RenderList();
        await cut.WaitForAssertionAsync(() => Assert.Equal(4, Names(cut).Length));

        await cut.Find("#list-search").InputAsync(new ChangeEventArgs { Value = "dupont" });

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.EndsWith("/companies?q=dupont", Nav.Uri);
            Assert.Equal(["Chantier Naval Dupont"], Names(cut));
        });
    }

    [Fact]
    public async Task DIR_3_a_search_matching_nothing_says_so()
    {
        await SeedCompaniesAsync(3);

        var cut = RenderList("/companies?q=zzzz");

        await cut.WaitForAssertionAsync(() => Assert.Equal("No clients match.", Range(cut)));
        Assert.Empty(Names(cut));
    }

    [Fact]
    public async Task DIR_3_switching_from_companies_to_persons_lists_the_persons()
    {
        await SeedCompaniesAsync(2);
        await CreatePersonAsync("Zofia", "Nowak");
        Nav.NavigateTo("/companies");
        var app = RenderWithProviders<Router>(p => p
            .Add(r => r.AppAssembly, typeof(ClientListPage).Assembly)
            .Add(r => r.Found, route => builder =>
            {
                builder.OpenComponent<RouteView>(0);
                builder.AddAttribute(1, nameof(RouteView.RouteData), route);
                builder.CloseComponent();
            }));
        string[] AppNames() => app.FindAll("#client-table a.client-name").Select(a => a.TextContent.Trim()).ToArray();
        await app.WaitForAssertionAsync(() => Assert.Equal(2, AppNames().Length));

        await app.InvokeAsync(() => Nav.NavigateTo("/persons"));

        await app.WaitForAssertionAsync(() =>
        {
            Assert.Equal("Persons", app.Find("#list-title").TextContent.Trim());
            Assert.Equal(["Zofia Nowak"], AppNames());
        });

        // Back, with a search: only the query of the same list changes after that.
        await app.InvokeAsync(() => Nav.NavigateTo("/companies?q=zzzz"));
        await app.WaitForAssertionAsync(() => Assert.Equal("Companies", app.Find("#list-title").TextContent.Trim()));
        await app.InvokeAsync(() => Nav.NavigateTo("/companies?q=company"));

        await app.WaitForAssertionAsync(() => Assert.Equal(2, AppNames().Length));
    }

    [Fact]
    public async Task DIR_5_inactive_rows_stay_in_the_list_with_the_inactive_chip_and_row_class()
    {
        var ids = await SeedCompaniesAsync(3);
        await DeactivateAsync(ids[1]);

        var cut = RenderList();

        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Names(cut).Length));
        var inactive = Assert.Single(cut.FindAll("#client-table tbody tr.client-inactive"));
        Assert.Contains("Company 002", inactive.TextContent);
        Assert.Equal("Inactive", inactive.QuerySelector(".inactive-badge")!.TextContent.Trim());
        Assert.Single(cut.FindAll("#client-table .inactive-badge"));
    }
}

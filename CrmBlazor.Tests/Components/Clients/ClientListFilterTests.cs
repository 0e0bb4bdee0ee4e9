using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Tests.Support.Components;

namespace CrmBlazor.Tests.Components.Clients;

/// <summary>The list page reads its filter and sort from the URL (DIR-4); a bad link gets a message, not a crash.</summary>
public class ClientListFilterTests : ComponentTestBase
{
    private IReadOnlyList<long> _ids = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ids = await SeedCompaniesAsync(4);
        await DeactivateAsync(_ids[0]);
        await DeactivateAsync(_ids[2]);
    }

    private IRenderedComponent<ClientListPage> RenderList(string url)
    {
        Nav.NavigateTo(url);
        return RenderWithProviders<ClientListPage>();
    }

    private static string[] Names(IRenderedComponent<ClientListPage> cut) =>
        cut.FindAll("#client-table a.client-name").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task DIR_4_a_link_with_active_eq_no_lists_only_the_inactive_clients()
    {
        var cut = RenderList("/companies?f=active.eq.no");

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Company 001", "Company 003"], Names(cut)));
        Assert.Equal(2, cut.FindAll("#client-table tbody tr.client-inactive").Count);
        Assert.Equal("Active equals No", cut.Find("#filter-rules .filter-rule").TextContent.Trim());
        Assert.Empty(cut.FindAll("#list-error"));
    }

    [Fact]
    public async Task DIR_4_adding_a_rule_on_the_page_puts_it_in_the_url_and_filters_the_list()
    {
        var cut = RenderList("/companies");
        await cut.WaitForAssertionAsync(() => Assert.Equal(4, Names(cut).Length));

        await cut.Find("#filter-open").ClickAsync(new());
        await cut.Find("#filter-add").ClickAsync(new());

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.EndsWith("/companies?f=active.eq.no", Nav.Uri);
            Assert.Equal(["Company 001", "Company 003"], Names(cut));
        });
    }

    [Fact]
    public async Task DIR_4_a_hand_edited_filter_shows_an_error_and_the_unfiltered_list()
    {
        var cut = RenderList("/companies?f=bogus.eq.x");

        await cut.WaitForAssertionAsync(() => Assert.Equal(4, Names(cut).Length));
        Assert.Equal("The filter field \"bogus\" is not offered. The filter in this link was ignored.", cut.Find("#list-error").TextContent.Trim());
        Assert.Empty(cut.FindAll("#filter-rules"));
    }

    [Theory]
    [InlineData("active.eq.maybe")]
    [InlineData("active.contains.no")]
    [InlineData("nodots")]
    public async Task DIR_4_a_filter_value_or_operator_not_offered_shows_an_error(string rule)
    {
        var cut = RenderList($"/companies?f={rule}");

        await cut.WaitForAssertionAsync(() => Assert.Equal(4, Names(cut).Length));
        Assert.NotEmpty(cut.Find("#list-error").TextContent.Trim());
    }

    [Fact]
    public async Task DIR_4_sorting_by_a_field_not_offered_shows_an_error_and_sorts_by_name()
    {
        var cut = RenderList("/companies?sort=password");

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Company 001", "Company 002", "Company 003", "Company 004"], Names(cut)));
        Assert.Equal("Sorting by \"password\" is not offered; the list is sorted by name.", cut.Find("#list-error").TextContent.Trim());
    }

    [Fact]
    public async Task DIR_4_sort_in_the_url_orders_the_rows()
    {
        var cut = RenderList("/companies?desc=1");

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Company 004", "Company 003", "Company 002", "Company 001"], Names(cut)));
        Assert.Empty(cut.FindAll("#list-error"));
    }
}

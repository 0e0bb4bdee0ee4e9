using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Components.Clients;

/// <summary>DIR-4: filters saved by name, per user or shared, from the list page's "Saved filters" menu.</summary>
public class SavedFiltersTests : ComponentTestBase
{
    private async Task<IRenderedComponent<ClientListPage>> RenderListAsync(string url)
    {
        Nav.NavigateTo(url);
        var cut = RenderWithProviders<ClientListPage>();
        await cut.WaitForAssertionAsync(() => Assert.NotEmpty(cut.FindAll("#client-table tbody tr")));
        return cut;
    }

    private async Task OpenMenuAsync() => await Root.Find("#saved-filters button").ClickAsync(new());

    private string[] MenuFilters() => Root.FindAll(".saved-filter").Select(i => i.TextContent.Trim()).ToArray();

    [Fact]
    public async Task DIR_4_the_current_filter_is_saved_under_a_name_for_the_user()
    {
        var ids = await SeedCompaniesAsync(2);
        await DeactivateAsync(ids[0]);
        await RenderListAsync("/companies?f=active.eq.no");
        await OpenMenuAsync();
        // The menu's click handler waits for the dialog's result: it ends when the dialog closes.
        var saving = Root.Find("#save-filter").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.NotNull(Root.Find("#filter-name")));

        await Root.Find("#filter-name").ChangeAsync(new ChangeEventArgs { Value = "Inactive companies" });
        await Root.Find("#filter-save-confirm").ClickAsync(new());

        await saving.WaitAsync(DefaultWaitTimeout);
        await Root.WaitForAssertionAsync(() =>
        {
            Assert.Empty(Root.FindAll("#filter-name"));
            Assert.Contains("Filter saved.", Root.Find(".mud-snackbar").TextContent);
        });
        await using var db = Host.Db();
        var saved = await db.SavedFilters.SingleAsync();
        Assert.Equal(("Inactive companies", "active.eq.no", TestActor.Admin.UserId, false), (saved.Name, saved.Query, saved.OwnerUserId, saved.IsShared));
    }

    [Fact]
    public async Task DIR_4_saving_without_a_name_shows_the_error_at_the_name_and_saves_nothing()
    {
        await SeedCompaniesAsync(1);
        await RenderListAsync("/companies?f=role.eq.client");
        await OpenMenuAsync();
        var saving = Root.Find("#save-filter").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.NotNull(Root.Find("#filter-save-confirm")));

        await Root.Find("#filter-save-confirm").ClickAsync(new());

        await Root.WaitForAssertionAsync(() => Assert.Equal("This field is required.", FieldMessage(Root, "filter-name")));
        Assert.False(saving.IsCompleted);
        await using var db = Host.Db();
        Assert.Empty(db.SavedFilters);
    }

    [Fact]
    public async Task DIR_4_a_colleagues_shared_filter_is_offered_and_applying_it_filters_the_list()
    {
        var ids = await SeedCompaniesAsync(3);
        await DeactivateAsync(ids[1]);
        var colleague = AsColleague<SavedFilterService>();
        await colleague.SaveAsync(ClientKind.Company, "Team: inactive", ClientFilter.Parse(["active.eq.no"]), shared: true);
        await colleague.SaveAsync(ClientKind.Company, "Olivier's own", ClientFilter.Parse(["role.eq.supplier"]), shared: false);
        var cut = await RenderListAsync("/companies");

        await OpenMenuAsync();
        await Root.WaitForAssertionAsync(() => Assert.Equal(["Team: inactive"], MenuFilters()));
        await Root.FindAll(".saved-filter").Single().ClickAsync(new());

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.EndsWith("/companies?f=active.eq.no", Nav.Uri);
            Assert.Equal(["Company 002"], cut.FindAll("#client-table a.client-name").Select(a => a.TextContent.Trim()));
        });
    }
}

using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.History;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;

namespace CrmBlazor.Tests.Components.Clients;

/// <summary>
/// DIR-8: a colleague's change (through the services, as another user) appears on open pages without
/// a reload; the test never re-renders by hand, it only waits for the markup.
/// </summary>
public class LiveUpdateTests : ComponentTestBase
{
    private IRenderedComponent<ClientListPage> RenderList()
    {
        Nav.NavigateTo("/companies");
        return RenderWithProviders<ClientListPage>();
    }

    private IRenderedComponent<ClientDetailPage> RenderDetail(long id)
    {
        Nav.NavigateTo($"/clients/{id}");
        return RenderWithProviders<ClientDetailPage>(p => p.Add(x => x.Id, id));
    }

    private static string[] Names(IRenderedComponent<ClientListPage> cut) =>
        cut.FindAll("#client-table a.client-name").Select(a => a.TextContent.Trim()).ToArray();

    private static Task OpenTabAsync(IRenderedComponent<ClientDetailPage> cut, string text) =>
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim().StartsWith(text, StringComparison.Ordinal)).ClickAsync(new());

    [Fact]
    public async Task DIR_8_a_company_a_colleague_creates_appears_in_the_open_list()
    {
        await SeedCompaniesAsync(2);
        var cut = RenderList();
        await cut.WaitForAssertionAsync(() => Assert.Equal(2, Names(cut).Length));

        await AsColleague<ClientService>().CreateAsync(ClientBuilder.Company("Astillero Norte SL"));

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(["Astillero Norte SL", "Company 001", "Company 002"], Names(cut));
            Assert.Equal("1–3 of 3", cut.Find("#list-range").TextContent.Trim());
        });
    }

    [Fact]
    public async Task DIR_8_a_rename_by_a_colleague_shows_in_the_open_list()
    {
        var id = await CreateCompanyAsync("Astillero Norte SL");
        var cut = RenderList();
        await cut.WaitForAssertionAsync(() => Assert.Equal(["Astillero Norte SL"], Names(cut)));

        await AsColleague<ClientService>().UpdateAsync(id, ClientBuilder.Company("Astilleros del Cantábrico SA"), 1);

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Astilleros del Cantábrico SA"], Names(cut)));
    }

    [Fact]
    public async Task DIR_8_an_edit_by_a_colleague_shows_in_the_open_detail_page()
    {
        var id = await CreateCompanyAsync("Astillero Norte SL");
        var cut = RenderDetail(id);
        await cut.WaitForAssertionAsync(() => Assert.Equal("Astillero Norte SL", cut.Find("#client-name").TextContent.Trim()));

        await AsColleague<ClientService>().UpdateAsync(id, ClientBuilder.Company("Astillero Norte SA", f => f.City = "Gijón"), 1);

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal("Astillero Norte SA", cut.Find("#client-name").TextContent.Trim());
            Assert.Contains("Gijón", cut.Find("#client-data").TextContent);
        });
    }

    [Fact]
    public async Task DIR_8_a_comment_by_a_colleague_appears_in_the_open_history_tab()
    {
        var id = await CreateCompanyAsync();
        var cut = RenderDetail(id);
        await cut.WaitForAssertionAsync(() => Assert.NotEmpty(cut.FindAll(".mud-tab")));
        await OpenTabAsync(cut, "History");
        await cut.WaitForAssertionAsync(() => Assert.Single(cut.FindAll("#history-list .history-item")));

        await AsColleague<HistoryService>().AddCommentAsync(id, "Paid the deposit by transfer.");

        await cut.WaitForAssertionAsync(() =>
        {
            var newest = cut.FindAll("#history-list .history-item")[0];
            Assert.Contains("Paid the deposit by transfer.", newest.TextContent);
            Assert.Contains(TestActor.Office.Name, newest.TextContent);
        });
    }

    [Fact]
    public async Task DIR_8_a_contact_a_colleague_links_appears_in_the_open_contacts_tab()
    {
        var company = await CreateCompanyAsync();
        var person = await CreatePersonAsync("Iker", "Etxeberria");
        var cut = RenderDetail(company);
        await cut.WaitForAssertionAsync(() => Assert.NotEmpty(cut.FindAll(".mud-tab")));
        await OpenTabAsync(cut, "Contacts");
        await cut.WaitForAssertionAsync(() => Assert.Contains("No contacts linked yet.", cut.Find("#links-table").TextContent));

        await AsColleague<ContactLinkService>().LinkAsync(company, person, "Gerente");

        await cut.WaitForAssertionAsync(() =>
        {
            var row = Assert.Single(cut.FindAll("#links-table tbody tr"));
            Assert.Contains("Iker Etxeberria", row.TextContent);
            Assert.Contains("Gerente", row.TextContent);
        });
    }

    [Fact]
    public async Task DIR_8_a_change_to_another_client_leaves_the_open_detail_page_as_it_is()
    {
        var id = await CreateCompanyAsync("Astillero Norte SL");
        var other = await CreateCompanyAsync("Chantier Naval Dupont");
        var cut = RenderDetail(id);
        await cut.WaitForAssertionAsync(() => Assert.Equal("Astillero Norte SL", cut.Find("#client-name").TextContent.Trim()));
        await AsColleague<HistoryService>().AddCommentAsync(other, "Not about this client.");

        await AsColleague<ClientService>().UpdateAsync(id, ClientBuilder.Company("Astillero Norte SA"), 1);

        await cut.WaitForAssertionAsync(() => Assert.Equal("Astillero Norte SA", cut.Find("#client-name").TextContent.Trim()));
        Assert.DoesNotContain("Chantier", cut.Markup);
    }
}

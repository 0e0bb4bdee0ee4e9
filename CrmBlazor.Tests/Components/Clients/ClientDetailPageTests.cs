using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Tests.Support.Components;

namespace CrmBlazor.Tests.Components.Clients;

/// <summary>The detail page (DIR-6): data, linked parties, Commercial, History and the "⋮" menu.</summary>
public class ClientDetailPageTests : ComponentTestBase
{
    private IRenderedComponent<ClientDetailPage> RenderDetail(long id)
    {
        Nav.NavigateTo($"/clients/{id}");
        return RenderWithProviders<ClientDetailPage>(p => p.Add(x => x.Id, id));
    }

    private static string[] Tabs(IRenderedComponent<ClientDetailPage> cut) =>
        cut.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToArray();

    private static Task OpenTabAsync(IRenderedComponent<ClientDetailPage> cut, string text) =>
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim().StartsWith(text, StringComparison.Ordinal)).ClickAsync(new());

    [Fact]
    public async Task DIR_6_the_page_shows_the_clients_data_and_status()
    {
        var id = await CreateCompanyAsync("Chantier Naval Dupont", f =>
        {
            f.Email = "contact@dupont.fr";
            f.VatId = "FR40303265045";
            f.Street = "12 quai de la Fosse";
            f.PostalCode = "44000";
            f.City = "Nantes";
            f.Country = "France";
            f.Language = "fr";
            f.IsSupplier = true;
        });

        var cut = RenderDetail(id);

        await cut.WaitForAssertionAsync(() => Assert.Equal("Chantier Naval Dupont", cut.Find("#client-name").TextContent.Trim()));
        Assert.Equal("Active", cut.Find("#status-badge").TextContent.Trim());
        var data = cut.Find("#client-data").TextContent;
        Assert.Contains("contact@dupont.fr", data);
        Assert.Contains("FR40303265045", data);
        Assert.Contains("12 quai de la Fosse, 44000 Nantes, France", data);
        Assert.Contains("Français", data);
        Assert.Contains("Client", data);
        Assert.Contains("Supplier", data);
    }

    [Fact]
    public async Task DIR_6_a_company_has_details_contacts_documents_matters_commercial_support_and_history_tabs()
    {
        var cut = RenderDetail(await CreateCompanyAsync());

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Details", "Contacts", "Documents", "Matters", "Subscriptions", "Commercial", "Support", "History"], Tabs(cut)));
    }

    [Fact]
    public async Task DIR_6_a_person_has_companies_and_notifications_tabs()
    {
        var cut = RenderDetail(await CreatePersonAsync());

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Details", "Companies", "Documents", "Matters", "Subscriptions", "Notifications", "Commercial", "Support", "History"], Tabs(cut)));
    }

    [Fact]
    public async Task DIR_6_the_contacts_tab_lists_linked_persons_with_position_and_primary_flag()
    {
        var company = await CreateCompanyAsync("Astillero Norte SL");
        var person = await CreatePersonAsync("Iker", "Etxeberria");
        await Host.Get<ContactLinkService>().LinkAsync(company, person, "Jefe de compras");
        var cut = RenderDetail(company);
        await cut.WaitForAssertionAsync(() => Assert.Equal(8, Tabs(cut).Length));

        await OpenTabAsync(cut, "Contacts");

        await cut.WaitForAssertionAsync(() =>
        {
            var row = Assert.Single(cut.FindAll("#links-table tbody tr"));
            Assert.Contains("Iker Etxeberria", row.TextContent);
            Assert.Contains("Jefe de compras", row.TextContent);
            Assert.NotNull(row.QuerySelector(".primary-badge"));
            Assert.Equal($"/clients/{person}", row.QuerySelector("a")!.GetAttribute("href"));
        });
    }

    [Fact]
    public async Task DIR_6_the_history_tab_shows_the_clients_timeline()
    {
        var cut = RenderDetail(await CreateCompanyAsync());
        await cut.WaitForAssertionAsync(() => Assert.Equal(8, Tabs(cut).Length));

        await OpenTabAsync(cut, "History");

        await cut.WaitForAssertionAsync(() => Assert.Contains("Created", cut.Find("#history-list").TextContent));
    }

    [Fact]
    public async Task DIR_6_the_actions_menu_opens_with_edit()
    {
        var cut = RenderDetail(await CreateCompanyAsync());
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("#client-actions")));

        await cut.Find("#client-actions button").ClickAsync(new());

        await Root.WaitForAssertionAsync(() => Assert.Equal("Edit", Root.Find("#action-edit").TextContent.Trim()));
    }

    [Theory]
    [InlineData(ClientKind.Company)]
    [InlineData(ClientKind.Person)]
    public async Task DEA_1_deactivate_sits_in_the_actions_menu_of_a_company_and_of_a_person_and_opens_the_dialog(ClientKind kind)
    {
        var id = kind == ClientKind.Company ? await CreateCompanyAsync("Astillero Norte SL") : await CreatePersonAsync("Iker", "Etxeberria");
        var cut = RenderDetail(id);
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("#client-actions")));
        await cut.Find("#client-actions button").ClickAsync(new());

        await Root.WaitForAssertionAsync(() => Assert.Equal("Deactivate", Root.Find("#action-deactivate").TextContent.Trim()));
        Assert.Empty(Root.FindAll("#action-reactivate"));
        _ = Root.Find("#action-deactivate").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.NotNull(Root.Find("#deactivate-confirm")));
        await Root.Find("#deactivate-cancel").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Empty(Root.FindAll("#deactivate-confirm")));
    }

    [Fact]
    public async Task DEA_6_an_inactive_client_offers_reactivate_in_the_same_menu_instead_of_deactivate()
    {
        var id = await CreateCompanyAsync();
        await DeactivateAsync(id);
        var cut = RenderDetail(id);
        await cut.WaitForAssertionAsync(() => Assert.Equal("Inactive", cut.Find("#status-badge").TextContent.Trim()));

        await cut.Find("#client-actions button").ClickAsync(new());

        await Root.WaitForAssertionAsync(() => Assert.Equal("Reactivate", Root.Find("#action-reactivate").TextContent.Trim()));
        Assert.Empty(Root.FindAll("#action-deactivate"));
    }

    [Fact]
    public async Task DIR_6_edit_in_the_actions_menu_saves_and_the_page_shows_the_change()
    {
        var cut = RenderDetail(await CreateCompanyAsync("Astillero Norte SL"));
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("#client-actions")));
        await cut.Find("#client-actions button").ClickAsync(new());
        // The menu item's handler waits for the dialog's result: it ends when the dialog closes.
        var editing = Root.Find("#action-edit").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Equal("Astillero Norte SL", Root.Find("#field-companyname").GetAttribute("value")));

        await Root.Find("#field-companyname").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Astillero Norte SA" });
        await Root.Find("#client-save").ClickAsync(new());
        await editing.WaitAsync(DefaultWaitTimeout);

        await cut.WaitForAssertionAsync(() => Assert.Equal("Astillero Norte SA", cut.Find("#client-name").TextContent.Trim()));
        Assert.Empty(Root.FindAll("#client-save"));
        Assert.Contains("Saved.", Root.Find(".mud-snackbar").TextContent);
    }

    [Fact]
    public async Task DIR_6_an_unknown_id_says_the_client_does_not_exist()
    {
        var cut = RenderDetail(4242);

        await cut.WaitForAssertionAsync(() => Assert.Contains("This client does not exist.", cut.Markup));
        Assert.Empty(cut.FindAll("#client-tabs"));
    }
}

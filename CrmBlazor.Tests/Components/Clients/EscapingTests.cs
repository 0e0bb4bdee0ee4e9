using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Common;
using CrmBlazor.Domain.Common;
using CrmBlazor.History;
using CrmBlazor.Tests.Support.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Clients;

/// <summary>Security: user text (a client's name, a hand-edited link) is always rendered as text, never as markup.</summary>
public class EscapingTests : ComponentTestBase
{
    private const string Evil = "<script>alert(1)</script><b>x</b>";
    private const string Escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;";

    private static void AssertShownAsText(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut)
    {
        Assert.Contains(Escaped, cut.Markup);
        Assert.Empty(cut.FindAll("script"));
        Assert.DoesNotContain("<script>alert", cut.Markup);
        Assert.DoesNotContain("<b>x</b>", cut.Markup);
    }

    [Fact]
    public async Task Security_a_name_with_markup_is_text_in_the_client_table()
    {
        await CreateCompanyAsync(Evil);
        Nav.NavigateTo("/companies");

        var cut = RenderWithProviders<ClientListPage>();

        await cut.WaitForAssertionAsync(() => Assert.Equal(Evil, cut.Find("#client-table a.client-name").TextContent));
        AssertShownAsText(cut);
    }

    [Fact]
    public async Task Security_a_name_with_markup_is_text_in_the_detail_header()
    {
        var id = await CreateCompanyAsync(Evil);
        Nav.NavigateTo($"/clients/{id}");

        var cut = RenderWithProviders<ClientDetailPage>(p => p.Add(x => x.Id, id));

        await cut.WaitForAssertionAsync(() => Assert.Equal(Evil, cut.Find("#client-name").TextContent.Trim()));
        AssertShownAsText(cut);
    }

    [Fact]
    public async Task Security_a_name_with_markup_is_text_in_the_history()
    {
        var id = await CreateCompanyAsync("Astillero Norte SL");
        var clients = Host.Get<CrmBlazor.Domain.Clients.ClientService>();
        var form = (await clients.GetAsync(id))!.Form;
        form.CompanyName = Evil;
        await clients.UpdateAsync(id, form, 1);
        await Host.Get<CrmBlazor.Domain.History.HistoryService>().AddCommentAsync(id, Evil);

        var cut = RenderWithProviders<HistoryTab>(p => p.Add(x => x.ClientId, id));

        await cut.WaitForAssertionAsync(() =>
        {
            var lines = cut.FindAll("#history-list .history-text").Select(l => l.TextContent).ToArray();
            Assert.Equal([Evil, $"Company name: Astillero Norte SL → {Evil}", "Astillero Norte SL"], lines);
        });
        AssertShownAsText(cut);
    }

    [Fact]
    public async Task Security_a_snackbar_through_Notify_shows_markup_as_text()
    {
        var root = RenderProviders();
        var snackbar = Services.GetRequiredService<ISnackbar>();

        await root.InvokeAsync(() => snackbar.Text($"Saved {Evil}"));
        await root.InvokeAsync(() => FormSubmission.MessageOnly().RunAsync(T, () => throw new DomainException("Error.FilterFieldNotOffered", "filter", Evil), snackbar.Error));

        await root.WaitForAssertionAsync(() => Assert.Equal(2, root.FindAll(".mud-snackbar").Count));
        Assert.Contains($"Saved {Evil}", root.FindAll(".mud-snackbar")[0].TextContent);
        Assert.Contains($"The filter field \"{Evil}\" is not offered.", root.FindAll(".mud-snackbar")[1].TextContent);
        AssertShownAsText(root);
    }

    [Fact]
    public async Task Security_markup_in_a_hand_edited_link_is_text_in_the_error_and_the_rule_chip()
    {
        await CreateCompanyAsync();
        Nav.NavigateTo("/companies?f=" + Uri.EscapeDataString("name.contains." + Evil));
        var cut = RenderWithProviders<ClientListPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal($"Name contains {Evil}", cut.Find("#filter-rules .filter-rule").TextContent.Trim()));
        AssertShownAsText(cut);

        Nav.NavigateTo("/companies?f=" + Uri.EscapeDataString(Evil + ".eq.x"));

        await cut.WaitForAssertionAsync(() => Assert.Contains(Evil, cut.Find("#list-error").TextContent));
        Assert.Empty(cut.FindAll("script"));
        Assert.DoesNotContain("<b>x</b>", cut.Markup);
    }
}

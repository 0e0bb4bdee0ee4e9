using Bunit;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Portal.Support;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using CrmBlazor.Tests.Support.Portal;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Portal.Support;

/// <summary>The client's Support tab (POR-2): the thread follows the contact live; an empty answer is refused on the field.</summary>
public class SupportTabTests : ComponentTestBase
{
    [Fact]
    public async Task POR_2_the_support_tab_shows_a_contacts_new_message_live_and_refuses_an_empty_answer_on_the_field()
    {
        var contact = await Host.PortalContactAsync();
        var tab = RenderWithProviders<SupportTab>(p => p.Add(t => t.ClientId, contact.CustomerId));
        tab.WaitForAssertion(() => Assert.NotEmpty(tab.FindAll("#support-empty")));

        await Host.Get<PortalSupport>().PostAsync(await Host.SessionAsync(contact), "¿Está listo el presupuesto?");

        tab.WaitForAssertion(() => Assert.Contains("¿Está listo el presupuesto?", tab.Find("#support-thread").TextContent));
        Assert.Contains("client portal", tab.Find(".support-message").TextContent);

        var send = FindMud<MudButton>(tab, "support-answer-send");
        await send.InvokeAsync(() => send.Instance.OnClick.InvokeAsync(new()));
        tab.WaitForAssertion(() => Assert.Contains("This field is required.", tab.Markup));
        await using var db = Host.Db();
        Assert.Equal(1, await db.SupportMessages.CountAsync());
    }
}

using Bunit;
using CrmBlazor.Documents;
using CrmBlazor.Sending;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Components.Documents;
using CrmBlazor.Tests.Support.Components;
using CrmBlazor.Tests.Support.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Sending;

/// <summary>The "Send by email" dialog (SND-1, SND-2), the Sendings panel (SND-6) and the hold badge and buttons (DEA-3).</summary>
public class SendDialogTests : DocumentTestBase
{
    private async Task<(long Company, long Ana, long Bruno)> CompanyAsync()
    {
        var company = await CreateCompanyAsync("Astillero Norte SL");
        var ana = await CreatePersonAsync("Ana", "García");
        var bruno = await CreatePersonAsync("Bruno", "Martín");
        await Host.Get<ContactLinkService>().LinkAsync(company, ana, "");
        await Host.Get<ContactLinkService>().LinkAsync(company, bruno, "");
        await Host.NotifyAsync(bruno, n => n.Invoice = false);
        return (company, ana, bruno);
    }

    private async Task<IRenderedComponent<MudProviders>> OpenDialogAsync(long documentId)
    {
        var root = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await root.InvokeAsync(() => dialogs.ShowAsync<SendDialog>("Send", new DialogParameters<SendDialog> { { x => x.DocumentId, documentId } }));
        await root.WaitForAssertionAsync(() => root.Find("#send-subject"));
        return root;
    }

    private static bool Ticked(IRenderedComponent<MudProviders> root, long id) =>
        root.Find($"#send-recipient-{id}").Closest(".send-recipient")!.GetAttribute("data-ticked") == "true";

    [Fact]
    public async Task SND_1_the_dialog_ticks_contacts_with_the_toggle_on_and_lists_the_others_unticked()
    {
        var (company, ana, bruno) = await CompanyAsync();
        var invoice = await IssuedAsync(company);

        var root = await OpenDialogAsync(invoice);

        Assert.True(Ticked(root, ana));
        Assert.False(Ticked(root, bruno));
        Assert.Single(root.FindAll(".notification-off"));
        Assert.Empty(root.FindAll("#send-nobody"));
        var number = (await Documents.GetAsync(invoice))!.Number;
        Assert.Equal($"{number}.pdf", root.Find("#send-attachment").TextContent.Trim());
        Assert.Equal(["View", "Pay"], root.FindAll(".send-link").Select(l => l.TextContent.Trim()));
        Assert.StartsWith("Factura", root.Find("#send-subject").GetAttribute("value")); // the document is in Spanish
    }

    [Fact]
    public async Task SND_1_with_nobody_to_send_to_the_dialog_says_so_and_send_asks_for_a_recipient()
    {
        var invoice = await IssuedAsync(await CreateCompanyAsync("Sin Contactos SL"));
        var root = await OpenDialogAsync(invoice);

        Assert.Contains("Nobody to send to", root.Find("#send-nobody").TextContent);
        await root.Find("#send-submit").ClickAsync(new());

        await root.WaitForAssertionAsync(() => Assert.Equal(T["Error.SendNoRecipients"], root.Find("#send-recipients-error").TextContent.Trim()));
        await using var db = Host.Db();
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task SND_1_a_typed_address_is_checked_then_everyone_ticked_gets_the_email()
    {
        var (company, ana, _) = await CompanyAsync();
        var invoice = await IssuedAsync(company);
        var root = await OpenDialogAsync(invoice);

        root.Find("#send-add-email").Input("not an address");
        await root.Find("#send-add").ClickAsync(new());
        await root.WaitForAssertionAsync(() => Assert.Equal(T["Error.EmailInvalid"], FieldMessage(root, "send-add-email")));
        root.Find("#send-add-email").Input("accounts@astillero.example");
        await root.Find("#send-add").ClickAsync(new());
        await root.WaitForAssertionAsync(() => Assert.Single(root.FindAll(".send-extra")));
        await root.Find("#send-submit").ClickAsync(new());

        await root.WaitForAssertionAsync(() => Assert.Contains("2 emails queued.", root.Markup));
        await using var db = Host.Db();
        var ana_ = (await Host.Get<ClientService>().GetAsync(ana))!.Form.Email;
        Assert.Equal([ana_, "accounts@astillero.example"], await db.Outbox.OrderBy(m => m.Id).Select(m => m.ToAddress).ToListAsync());
    }

    [Fact]
    public async Task SND_6_the_sendings_panel_lists_each_recipient_and_follows_the_delivery_status_live()
    {
        var person = await CreatePersonAsync("Zofia", "Nowak");
        var invoice = await IssuedAsync(person);
        Nav.NavigateTo($"/documents/{invoice}");
        var cut = RenderWithProviders<DocumentDetailPage>(p => p.Add(x => x.Id, invoice));
        await cut.WaitForAssertionAsync(() => cut.Find("#sendings-empty"));

        var draft = await Host.Sending().PrepareAsync(invoice);
        await Host.Sending().SendAsync(new() { DocumentId = invoice, ExpectedVersion = draft.Version, ContactIds = [person], Subject = draft.Subject, Body = draft.Body });

        await cut.WaitForAssertionAsync(() => Assert.Equal("Queued", cut.Find(".sending-row .sending-status").TextContent.Trim()));
        await using (var db = Host.Db())
        {
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Sent).SetProperty(m => m.SentAt, DateTime.UtcNow));
        }
        await Host.Feed.PublishAsync(new CrmBlazor.Domain.Live.Change(CrmBlazor.Domain.Live.Topics.Document, invoice));
        await cut.WaitForAssertionAsync(() => Assert.Equal("Sent", cut.Find(".sending-row .sending-status").TextContent.Trim()));
        Assert.Equal("—", cut.Find(".sending-viewed").TextContent.Trim());
    }

    [Fact]
    public async Task DEA_3_put_on_hold_shows_the_badge_next_to_the_status_and_release_removes_it()
    {
        var invoice = await IssuedAsync(await CreateCompanyAsync());
        Nav.NavigateTo($"/documents/{invoice}");
        var cut = RenderWithProviders<DocumentDetailPage>(p => p.Add(x => x.Id, invoice));
        await cut.WaitForAssertionAsync(() => cut.Find("#put-on-hold"));
        Assert.Empty(cut.FindAll(".doc-hold"));

        await cut.Find("#put-on-hold").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.Equal("On hold", cut.Find(".doc-hold").TextContent.Trim()));
        Assert.Equal("Issued", cut.Find(".doc-status").TextContent.Trim());

        await cut.Find("#release-hold").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.Empty(cut.FindAll(".doc-hold")));
        Assert.NotNull(cut.Find("#put-on-hold"));
    }

    [Fact]
    public async Task DEA_3_the_list_shows_on_hold_and_overdue_from_the_due_date()
    {
        var company = await CreateCompanyAsync();
        var today = DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime);
        var held = await IssuedAsync(company);
        await Host.Get<DocumentHoldService>().HoldAsync(held, (await Documents.GetAsync(held))!.Version);
        Host.Clock.Advance(TimeSpan.FromDays(40));
        Nav.NavigateTo("/documents");
        var cut = RenderWithProviders<DocumentListPage>();

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal("Overdue", cut.Find(".doc-status").TextContent.Trim());
            Assert.Equal("On hold", cut.Find(".doc-hold").TextContent.Trim());
        });
        _ = today;
    }

    [Fact]
    public void DEA_3_the_badge_alone_shows_on_hold_beside_any_status()
    {
        var cut = Render<DocumentStatusBadge>(p => p.Add(x => x.Status, DocumentStatus.Viewed).Add(x => x.OnHold, true));

        Assert.Equal(["Viewed", "On hold"], cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim()));
    }
}

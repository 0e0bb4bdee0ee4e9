using Bunit;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Mail;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using CrmBlazor.Tests.Support.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmBlazor.Tests.Components.Mail;

/// <summary>SND-7: the Mail page lists every message with its delivery status, filters, opens one, and follows the sender live.</summary>
public class MailPageTests : ComponentTestBase
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"pickup-{Guid.NewGuid():N}");
    private MailOptions Options { get; set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Options = MailHost.Pickup(_pickup);
        Services.AddSingleton(Options);
        Services.AddSingleton(_ => ActivatorUtilities.CreateInstance<MailList>(Host.Services, Options));
    }

    private OutboxSender Sender() =>
        new(Host.Database.Factory, new PickupFolderTransport(_pickup), Options, Host.Feed, Host.Clock, NullLogger<OutboxSender>.Instance);

    private IRenderedComponent<MailListPage> RenderList(string url)
    {
        Nav.NavigateTo(url);
        return RenderWithProviders<MailListPage>();
    }

    private static string[] Recipients(IRenderedComponent<MailListPage> cut) =>
        cut.FindAll("#mail-table td.mail-to").Select(td => td.FirstChild!.TextContent.Trim()).ToArray();

    [Fact]
    public async Task SND_7_the_mail_page_lists_recipient_subject_status_with_its_reason_attempts_client_and_times()
    {
        var client = await CreateCompanyAsync("Astillero Norte SL");
        var queued = await Host.QueueAsync(
            MailHost.Draft("ana@cliente.test", "Factura <b>INV-1</b>", client),
            MailHost.Draft("luis@cliente.test", "Presupuesto Q-2", client),
            MailHost.Draft("eva@otra.test", "Bienvenida"));
        await Host.SettleAsync((m, now) =>
        {
            if (m.Id == queued[0].Id) m.MarkSent(now);
            if (m.Id == queued[1].Id) m.MarkAttemptFailed("SMTP 550: mailbox unavailable", true, now, 8, TimeSpan.FromMinutes(1));
        });

        var cut = RenderList("/mail");

        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Recipients(cut).Length));
        var rows = cut.FindAll("#mail-table tbody tr");
        var sent = rows.Single(r => r.TextContent.Contains("ana@cliente.test"));
        Assert.Equal("Factura <b>INV-1</b>", sent.QuerySelector("a.mail-subject")!.TextContent);
        Assert.Equal($"/mail/{queued[0].Id}", sent.QuerySelector("a.mail-subject")!.GetAttribute("href"));
        Assert.Equal("Sent", sent.QuerySelector(".mail-status")!.TextContent.Trim());
        Assert.Equal("1", sent.QuerySelector("td.mail-attempts")!.TextContent.Trim());
        Assert.Equal("Astillero Norte SL", sent.QuerySelector("td.mail-client a")!.TextContent.Trim());
        Assert.Equal($"/clients/{client}", sent.QuerySelector("td.mail-client a")!.GetAttribute("href"));
        Assert.NotEqual("—", sent.QuerySelector("td.mail-sent-at")!.TextContent.Trim());
        var failed = rows.Single(r => r.TextContent.Contains("luis@cliente.test"));
        Assert.Equal("Failed", failed.QuerySelector(".mail-status")!.TextContent.Trim());
        Assert.Equal("SMTP 550: mailbox unavailable", failed.QuerySelector(".mail-status")!.GetAttribute("title"));
        var waiting = rows.Single(r => r.TextContent.Contains("eva@otra.test"));
        Assert.Equal(("Queued", "0", ""), (waiting.QuerySelector(".mail-status")!.TextContent.Trim(),
            waiting.QuerySelector("td.mail-attempts")!.TextContent.Trim(), waiting.QuerySelector("td.mail-client")!.TextContent.Trim()));
    }

    [Fact]
    public async Task SND_7_the_mail_page_filters_by_client_and_status_from_the_url()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Chantier Naval Dupont");
        var queued = await Host.QueueAsync(
            MailHost.Draft("ana@norte.test", clientId: a), MailHost.Draft("luis@norte.test", clientId: a), MailHost.Draft("marc@dupont.test", clientId: b));
        await Host.SettleAsync((m, now) => { if (m.Id == queued[0].Id) m.MarkSent(now); });

        var cut = RenderList($"/mail?client={a}");
        await cut.WaitForAssertionAsync(() => Assert.Equal(["luis@norte.test", "ana@norte.test"], Recipients(cut)));
        Assert.Equal("Astillero Norte SL", cut.Find("#client-picker").GetAttribute("value"));

        await SelectAsync<MailStatus?>(cut, "mail-filter-status", MailStatus.Sent);

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.EndsWith($"/mail?client={a}&status=Sent", Nav.Uri);
            Assert.Equal(["ana@norte.test"], Recipients(cut));
        });
    }

    [Fact]
    public async Task SND_7_a_message_page_shows_its_headers_clickable_links_the_html_without_scripts_and_the_attachment()
    {
        var client = await CreateCompanyAsync("Astillero Norte SL");
        var draft = MailHost.Draft("ana@cliente.test", "Factura INV-2026-0001", client, pdf: MailHost.Pdf(3_000)) with
        {
            HtmlBody = "<p>Hola</p><script>parent.document.title='owned'</script><a href=\"https://crm.test/d/abc123\">ver</a>",
        };
        var message = Assert.Single(await Host.QueueAsync(draft));
        await Host.SettleAsync((m, now) => m.MarkAttemptFailed("SMTP 127.0.0.1:25: Connection refused", false, now, 8, TimeSpan.FromMinutes(1)));

        Nav.NavigateTo($"/mail/{message.Id}");
        var cut = RenderWithProviders<MailMessagePage>(p => p.Add(x => x.Id, message.Id));

        await cut.WaitForAssertionAsync(() => Assert.Equal("Factura INV-2026-0001", cut.Find("#mail-subject").TextContent));
        Assert.Equal("Ana García <ana@cliente.test>", cut.Find("#mail-to").TextContent);
        Assert.Equal("Astillero Norte <office@astillero.test>", cut.Find("#mail-from").TextContent);
        Assert.Equal($"<{message.MessageId}>", cut.Find("#mail-message-id").TextContent);
        Assert.Equal("Retrying", cut.Find(".mail-status").TextContent.Trim());
        Assert.Equal("1", cut.Find("#mail-attempts").TextContent);
        Assert.Equal("SMTP 127.0.0.1:25: Connection refused", cut.Find("#mail-last-error").TextContent);
        Assert.Equal($"/clients/{client}", cut.Find("#mail-client").GetAttribute("href"));

        var link = cut.Find("#mail-text a.mail-link");
        Assert.Equal(("https://crm.test/d/abc123", "_blank"), (link.GetAttribute("href"), link.GetAttribute("target")));
        Assert.Contains("Un saludo", cut.Find("#mail-text").TextContent);

        var frame = cut.Find("iframe#mail-html");
        Assert.DoesNotContain("allow-scripts", frame.GetAttribute("sandbox"));
        Assert.DoesNotContain("allow-same-origin", frame.GetAttribute("sandbox"));
        Assert.Contains("<script>parent.document.title", frame.GetAttribute("srcdoc"));
        Assert.Contains("Content-Security-Policy", frame.GetAttribute("srcdoc"));
        Assert.Empty(cut.FindAll("#mail-html ~ script"));

        var attachment = cut.Find("#mail-attachments a.mail-attachment");
        Assert.Matches($"^/mail/{message.Id}/attachments/\\d+$", attachment.GetAttribute("href"));
        Assert.Contains("INV-2026-0001.pdf", attachment.TextContent);
    }

    [Fact]
    public async Task SND_7_the_list_and_the_message_page_follow_the_sender_live()
    {
        var message = Assert.Single(await Host.QueueAsync(MailHost.Draft("ana@cliente.test")));
        var list = RenderList("/mail");
        await list.WaitForAssertionAsync(() => Assert.Equal("Queued", list.Find(".mail-status").TextContent.Trim()));
        var page = Render<MailMessagePage>(p => p.Add(x => x.Id, message.Id));
        await page.WaitForAssertionAsync(() => Assert.Equal("Queued", page.Find(".mail-status").TextContent.Trim()));

        Assert.Equal(1, await Sender().SendDueAsync());

        await list.WaitForAssertionAsync(() => Assert.Equal("Sent", list.Find(".mail-status").TextContent.Trim()));
        await page.WaitForAssertionAsync(() =>
        {
            Assert.Equal("Sent", page.Find(".mail-status").TextContent.Trim());
            Assert.Equal("1", page.Find("#mail-attempts").TextContent);
        });
        Assert.Single(Directory.GetFiles(_pickup));
        Directory.Delete(_pickup, recursive: true);
    }

    [Fact]
    public async Task SND_7_a_live_update_made_by_the_background_sender_keeps_the_reader_language()
    {
        UseCulture("pl-PL");
        Assert.Single(await Host.QueueAsync(MailHost.Draft("ana@cliente.test")));
        var list = RenderList("/mail");
        await list.WaitForAssertionAsync(() => Assert.Equal("W kolejce", list.Find(".mail-status").TextContent.Trim()));

        // The sender runs on a thread of its own, in whatever culture the host started with.
        await Task.Run(async () =>
        {
            UseCulture("en-US");
            await Sender().SendDueAsync();
        });

        await list.WaitForAssertionAsync(() => Assert.Equal("Wysłano", list.Find(".mail-status").TextContent.Trim()));
        Assert.Contains("Odbiorca", list.Find("#mail-table thead").TextContent);
        Directory.Delete(_pickup, recursive: true);
    }

    [Fact]
    public void SND_7_links_in_a_text_body_are_cut_from_the_surrounding_text_and_punctuation()
    {
        var segments = MailView.Segments("See https://crm.test/d/x1?a=1&b=2. Or <http://other.test/p>, javascript:alert(1)").ToList();

        Assert.Equal(["https://crm.test/d/x1?a=1&b=2", "http://other.test/p"], segments.Where(s => s.IsLink).Select(s => s.Text));
        Assert.Equal("See https://crm.test/d/x1?a=1&b=2. Or <http://other.test/p>, javascript:alert(1)", string.Concat(segments.Select(s => s.Text)));
    }
}

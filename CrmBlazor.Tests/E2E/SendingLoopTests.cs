using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// The whole loop in real browsers (SND-1 … SND-7): staff send a document with the Send dialog, the app's
/// outbox delivers it to a real SMTP server, the "client" opens the link from the delivered email on a phone
/// and answers or pays, and the staff page — opened before and never reloaded — follows every step.
/// </summary>
[Collection(SendingLoopCollection.Name)]
public partial class SendingLoopTests(SendingLoopFixture fixture)
{
    [Fact]
    public async Task SND_4_staff_send_a_quote_the_client_accepts_it_from_the_delivered_email_and_the_staff_page_follows_live()
    {
        var (id, ana, bruno) = await DocumentWithContactsAsync(DocumentType.Quote, t => t.Estimate = false);
        var staff = await OpenDocumentAsync(id);
        await SendToPreselectedAsync(staff, ana, bruno);

        var client = await fixture.PhoneAsync();
        await client.GotoAsync(await ViewLinkFromEmailAsync(ana));
        await ExpectViewedAsync(staff, ana);

        await client.FillAsync("#accept-name", "Ana Ruiz");
        await client.ClickAsync("#accept-submit");
        await Assertions.Expect(client.Locator("#public-status")).ToContainTextAsync("by Ana Ruiz");

        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Accepted");
        await Assertions.Expect(staff.Locator("#public-answer-text")).ToContainTextAsync("Ana Ruiz");
        await ExpectSentAndViewedAsync(staff, ana);
        await ExpectNeverReloadedAsync(staff);
        await client.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task SND_5_staff_send_an_invoice_the_client_pays_it_from_the_delivered_email_with_the_sandbox_card_and_the_staff_page_follows_live()
    {
        var (id, ana, bruno) = await DocumentWithContactsAsync(DocumentType.Invoice, t => t.Invoice = false);
        var staff = await OpenDocumentAsync(id);
        await SendToPreselectedAsync(staff, ana, bruno);

        var client = await fixture.PhoneAsync();
        var link = await ViewLinkFromEmailAsync(ana);
        await client.GotoAsync(link);
        await ExpectViewedAsync(staff, ana);

        await client.ClickAsync("#pay");
        await Assertions.Expect(client).ToHaveURLAsync(new Regex(@"/pay/sandbox/sbx_"));
        await Assertions.Expect(client.Locator("#sandbox-amount")).ToHaveTextAsync("€308.55");
        await client.FillAsync("#card-number", "4242 4242 4242 4242");
        await client.FillAsync("#card-expiry", "12/30");
        await client.FillAsync("#card-cvc", "123");
        await client.ClickAsync("#sandbox-pay");
        await Assertions.Expect(client.Locator("#payment-paid")).ToBeVisibleAsync();
        await client.GotoAsync(link); // back to the emailed link: a second view, which only counts
        await Assertions.Expect(client.Locator("#pay")).ToHaveCountAsync(0);

        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Paid");
        await Assertions.Expect(staff.Locator("#payments-table .payment-row")).ToContainTextAsync("€308.55");
        await ExpectSentAndViewedAsync(staff, ana);
        await ExpectNeverReloadedAsync(staff);
        await client.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    /// <summary>The staff page, opened once and marked, so a reload (which would drop the mark) is seen at the end.</summary>
    private async Task<IPage> OpenDocumentAsync(long id)
    {
        var staff = await fixture.SignInAsync();
        await staff.GotoAsync($"/documents/{id}");
        await Blazor.WaitForCircuitAsync(staff);
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Issued");
        await staff.EvaluateAsync("() => window.sendingLoopMark = 'opened once'");
        return staff;
    }

    private static async Task ExpectNeverReloadedAsync(IPage staff) =>
        Assert.Equal("opened once", await staff.EvaluateAsync<string?>("() => window.sendingLoopMark"));

    /// <summary>The Send dialog ticks the contact whose toggle for the type is on, not the other; the outbox delivers by itself.</summary>
    private static async Task SendToPreselectedAsync(IPage staff, string ticked, string unticked)
    {
        await staff.ClickAsync("#document-actions");
        await staff.ClickAsync("#action-send");
        await staff.Locator("#send-subject").WaitForAsync();
        await Assertions.Expect(staff.Locator($".send-recipient[data-email='{ticked}']")).ToHaveAttributeAsync("data-ticked", "true");
        await Assertions.Expect(staff.Locator($".send-recipient[data-email='{unticked}']")).ToHaveAttributeAsync("data-ticked", "false");
        await staff.ClickAsync("#send-submit");
        await Assertions.Expect(staff.Locator(".mud-snackbar")).ToContainTextAsync("1 email queued.");
        await Assertions.Expect(staff.Locator(".sending-row")).ToHaveCountAsync(1);
        await Assertions.Expect(staff.Locator($".sending-row[data-email='{ticked}']")).ToHaveAttributeAsync("data-status", "Sent");
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Sent");
    }

    /// <summary>The first view turns the document Viewed and shows in the Sendings panel.</summary>
    private static async Task ExpectViewedAsync(IPage staff, string email)
    {
        var viewed = staff.Locator($".sending-row[data-email='{email}'] .sending-viewed");
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Viewed");
        await Assertions.Expect(viewed).ToContainTextAsync("(1)");
    }

    private static async Task ExpectSentAndViewedAsync(IPage staff, string email)
    {
        var row = staff.Locator($".sending-row[data-email='{email}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Sent");
        await Assertions.Expect(row.Locator(".sending-status")).ToHaveTextAsync("Sent");
        // The second view (the page after the answer, the link opened again after paying) changes only the link's counter.
        await Assertions.Expect(row.Locator(".sending-viewed")).ToContainTextAsync("(2)");
    }

    /// <summary>Waits for the email the SMTP server accepted for <paramref name="to"/> and takes its "View" link.</summary>
    private async Task<string> ViewLinkFromEmailAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        MimeMessage? email;
        while ((email = fixture.Smtp.Messages().SingleOrDefault(m => m.To.Mailboxes.Any(b => b.Address == to))) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no email to {to} arrived");
            await Task.Delay(50);
        }
        Assert.Contains(email.Attachments, a => a.ContentType.MimeType == "application/pdf");
        var label = EmailComposer.Label("en", LinkKind.View);
        var line = (email.TextBody ?? "").Split('\n').Single(l => l.StartsWith(label + ": ", StringComparison.Ordinal));
        var url = line[(label.Length + 2)..].Trim();
        Assert.Matches(ViewUrl(), url);
        Assert.StartsWith(fixture.App.Get<Microsoft.Extensions.Options.IOptions<SendingOptions>>().Value.PublicBaseUrl + "/d/", url);
        Assert.Contains($"href=\"{url}\"", email.HtmlBody ?? "");
        return url;
    }

    /// <summary>
    /// A company with two contacts: Ana gets this type of document (her toggle is on), Bruno does not. An issued
    /// document of 255.00 + 21 % = 308.55 € for it.
    /// </summary>
    private async Task<(long Id, string Ana, string Bruno)> DocumentWithContactsAsync(DocumentType type, Action<ContactNotifications> brunoOff)
    {
        var services = fixture.App.Services;
        T Service<T>() => ActivatorUtilities.CreateInstance<T>(services, (ICurrentActor)new TestActor { Current = Actor.System });
        var clients = Service<ClientService>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var company = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = $"Astillero Loop {suffix} SL", Language = "en", Currency = "EUR", IsCustomer = true });
        var ana = $"ana.{suffix}@loop-demo.example";
        var bruno = $"bruno.{suffix}@loop-demo.example";
        foreach (var (first, email) in new[] { ("Ana", ana), ("Bruno", bruno) })
        {
            var person = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Person, FirstName = first, LastName = "Ruiz", Email = email, Language = "en", Currency = "EUR" });
            await Service<ContactLinkService>().LinkAsync(company, person, first == "Ana" ? "Accounts" : "Skipper");
            if (first != "Bruno") continue;
            var details = (await clients.GetAsync(person))!;
            var toggles = details.Notifications.Copy();
            brunoOff(toggles);
            await clients.SetNotificationsAsync(person, toggles, details.Version);
        }
        var documents = Service<DocumentService>();
        var form = await documents.NewDraftFormAsync(type, company);
        var rate = (await Service<SettingsService>().TaxRatesAsync()).First(r => r.Country == "ES" && r.Percent == 21m).Id;
        form.Lines = [new LineInput { Description = "Hull inspection and report", Quantity = 3, Unit = "h", UnitPriceMinor = 85_00, TaxRateId = rate }];
        var id = await documents.CreateDraftAsync(form);
        await documents.IssueAsync(id);
        return (id, ana, bruno);
    }

    [GeneratedRegex(@"^https?://[^/]+/d/[A-Za-z0-9_-]{43}$")]
    private static partial Regex ViewUrl();
}

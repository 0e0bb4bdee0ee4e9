using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// Sending an invoice from its page in a real browser (SND-1, SND-2), the Sendings panel (SND-6), the hold
/// (DEA-3) and the reminder settings; keeps screenshots under artifacts/screenshots.
/// </summary>
[Collection(AppCollection.Name)]
public partial class SendingTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task SND_2_send_an_invoice_to_a_ticked_contact_and_a_typed_address_with_links_on_the_public_base_url()
    {
        Directory.CreateDirectory(Folder);
        var (invoice, ana, bruno) = await InvoiceWithContactsAsync();
        var page = await fixture.SignInAsync();

        await page.GotoAsync($"/documents/{invoice}");
        await Blazor.WaitForCircuitAsync(page);
        await page.ClickAsync("#document-actions");
        await page.ClickAsync("#action-send");
        await page.Locator("#send-subject").WaitForAsync();
        await Assertions.Expect(page.Locator($".send-recipient[data-email='{ana}']")).ToHaveAttributeAsync("data-ticked", "true");
        await Assertions.Expect(page.Locator($".send-recipient[data-email='{bruno}']")).ToHaveAttributeAsync("data-ticked", "false");
        await page.FillAsync("#send-add-email", "accounts@astillero-demo.example");
        await page.ClickAsync("#send-add");
        await Assertions.Expect(page.Locator(".send-extra")).ToHaveCountAsync(1);
        await ShotAsync(page, "send-dialog", fullPage: false);

        await page.ClickAsync("#send-submit");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("2 emails queued.");
        await Assertions.Expect(page.Locator(".sending-row")).ToHaveCountAsync(2);
        // The app's outbox sender delivers them (to its pickup folder) right after the commit, and the panel follows.
        await Assertions.Expect(page.Locator(".sending-row .sending-status", new() { HasText = "Sent" })).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await ShotAsync(page, "sendings-panel", fullPage: false);

        // The app answers on 127.0.0.1:<port>; every link must use the configured public address instead.
        var publicBase = fixture.App.Services.GetRequiredService<IOptions<SendingOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        Assert.NotEqual(new Uri(publicBase).Authority, new Uri(fixture.App.BaseUrl).Authority);
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var messages = await db.Outbox.Where(m => m.DocumentId == invoice).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([ana, "accounts@astillero-demo.example"], messages.Select(m => m.ToAddress));
        foreach (var m in messages)
        {
            var urls = Urls().Matches(m.TextBody + m.HtmlBody).Select(x => x.Value).ToList();
            Assert.NotEmpty(urls);
            Assert.All(urls, u => Assert.StartsWith(publicBase + "/d/", u));
            Assert.DoesNotContain(new Uri(fixture.App.BaseUrl).Authority, m.TextBody + m.HtmlBody);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DEA_3_put_an_invoice_on_hold_see_the_badge_and_release_it()
    {
        Directory.CreateDirectory(Folder);
        var (invoice, _, _) = await InvoiceWithContactsAsync();
        var page = await fixture.SignInAsync();

        await page.GotoAsync($"/documents/{invoice}");
        await Blazor.WaitForCircuitAsync(page);
        await page.ClickAsync("#put-on-hold");
        await Assertions.Expect(page.Locator(".doc-hold")).ToHaveTextAsync("On hold");
        await Assertions.Expect(page.Locator("#release-hold")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await ShotAsync(page, "invoice-on-hold", fullPage: false);

        await page.ClickAsync("#release-hold");
        await Assertions.Expect(page.Locator(".doc-hold")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SND_6_reminder_levels_are_checked_and_saved_in_the_settings()
    {
        Directory.CreateDirectory(Folder);
        var page = await fixture.SignInAsync();
        await page.GotoAsync("/admin/settings");
        await Blazor.WaitForCircuitAsync(page);
        var section = page.Locator("#settings-reminders");
        await section.ScrollIntoViewIfNeededAsync();

        await page.FillAsync("#reminders-days", "10, 3");
        await page.ClickAsync("#reminders-save");
        await Assertions.Expect(section).ToContainTextAsync("increasing, separated by commas");
        await page.FillAsync("#reminders-days", "3, 10, 30");
        await page.ClickAsync("#reminders-save");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reminders-days")).ToHaveValueAsync("3,10,30");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Folder, "settings-reminders.png") });
        await page.Context.CloseAsync();
    }

    private async Task<(long Invoice, string Ana, string Bruno)> InvoiceWithContactsAsync()
    {
        var services = fixture.App.Services;
        var system = new TestActor { Current = Actor.System };
        var clients = ActivatorUtilities.CreateInstance<ClientService>(services, system);
        var links = ActivatorUtilities.CreateInstance<ContactLinkService>(services, system);
        var documents = ActivatorUtilities.CreateInstance<DocumentService>(services, system);
        var settings = ActivatorUtilities.CreateInstance<SettingsService>(services, system);
        var suffix = Guid.NewGuid().ToString("N")[..6];

        var company = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = $"Velas del Norte {suffix} SL", Language = "en", Currency = "EUR", IsCustomer = true });
        var ana = $"ana.{suffix}@astillero-demo.example";
        var bruno = $"bruno.{suffix}@astillero-demo.example";
        foreach (var (first, email, invoices) in new[] { ("Ana", ana, true), ("Bruno", bruno, false) })
        {
            var person = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Person, FirstName = first, LastName = "Ruiz", Email = email, Language = "en", Currency = "EUR" });
            await links.LinkAsync(company, person, first == "Ana" ? "Accounts" : "Skipper");
            if (!invoices)
            {
                var details = (await clients.GetAsync(person))!;
                var toggles = details.Notifications.Copy();
                toggles.Invoice = false;
                await clients.SetNotificationsAsync(person, toggles, details.Version);
            }
        }
        var form = await documents.NewDraftFormAsync(DocumentType.Invoice, company);
        var rate = (await settings.TaxRatesAsync()).First(r => r.Country == "ES" && r.Percent == 21m).Id;
        form.Lines = [new LineInput { Description = "Hull inspection and report", Quantity = 3, Unit = "h", UnitPriceMinor = 85_00, TaxRateId = rate }];
        var id = await documents.CreateDraftAsync(form);
        await documents.IssueAsync(id);
        return (id, ana, bruno);
    }

    private static Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });

    [GeneratedRegex(@"https?://[^\s""<]+")]
    private static partial Regex Urls();
}

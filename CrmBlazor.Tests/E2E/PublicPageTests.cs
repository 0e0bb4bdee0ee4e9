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
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// SND-3 and SND-4 in real browsers: a client accepts a quote on a phone while a colleague watches the
/// document page, which turns "Accepted" without reload. Keeps the public page screenshots.
/// </summary>
[Collection(AppCollection.Name)]
public class PublicPageTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");
    [Fact]
    public async Task SND_4_a_client_accepts_a_quote_on_a_phone_and_staff_see_it_live()
    {
        Directory.CreateDirectory(Folder);
        var (id, token) = await QuoteWithLinkAsync();
        var staff = await fixture.SignInAsync();
        await staff.GotoAsync($"/documents/{id}");
        await Blazor.WaitForCircuitAsync(staff);
        await Assertions.Expect(staff.Locator("#public-links .public-link-row")).ToHaveCountAsync(1);

        var phone = await fixture.PhoneAsync();
        var circuits = CountBlazorTraffic(phone);
        await phone.GotoAsync($"/d/{token}");
        await Assertions.Expect(phone.Locator("#accept-form")).ToBeVisibleAsync();
        await ShotAsync(phone, "public-quote-phone");
        var box = await phone.Locator("#accept-submit").BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= AppFixture.Phone.Width, $"Accept button outside the phone's width: {box.X}+{box.Width}");

        await phone.FillAsync("#accept-name", "Joanna Client");
        await phone.FillAsync("#accept-comment", "Please start next week.");
        await phone.ClickAsync("#accept-submit");

        await Assertions.Expect(phone.Locator("#public-status")).ToContainTextAsync("Accepted on");
        await Assertions.Expect(phone.Locator("#public-status")).ToContainTextAsync("by Joanna Client");
        await Assertions.Expect(phone.Locator("#accept-form")).ToHaveCountAsync(0);
        await ShotAsync(phone, "public-quote-accepted");
        Assert.Equal(0, circuits());

        // The colleague's page changed by itself: status badge, answer, the link's view.
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Accepted");
        await Assertions.Expect(staff.Locator("#public-answer-text")).ToContainTextAsync("Joanna Client");
        await Assertions.Expect(staff.Locator("#public-answer-comment")).ToContainTextAsync("Please start next week.");
        await Assertions.Expect(staff.Locator("#public-links .public-link-views")).ToHaveTextAsync("2"); // the page, then the page again after the post
        await staff.ClickAsync("#public-link-new");
        await Assertions.Expect(staff.Locator("#public-link-url")).ToContainTextAsync("/d/");
        await staff.Locator("#public-links").ScreenshotAsync(new() { Path = Path.Combine(Folder, "public-links-panel.png") });

        await phone.GotoAsync($"/d/{PublicLinkToken.New()}");
        await Assertions.Expect(phone.Locator("#not-available")).ToBeVisibleAsync();
        await ShotAsync(phone, "public-not-available");
        await phone.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task SND_3_eight_visitors_at_once_open_no_circuit()
    {
        var (_, token) = await QuoteWithLinkAsync();
        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.PhoneAsync()));
        var counters = pages.Select(CountBlazorTraffic).ToList();

        await Task.WhenAll(pages.Select(p => p.GotoAsync($"/d/{token}")));
        await Task.WhenAll(pages.Select(p => Assertions.Expect(p.Locator("#accept-form")).ToBeVisibleAsync()));
        await Task.Delay(500);

        Assert.All(counters, count => Assert.Equal(0, count()));
        foreach (var page in pages) Assert.DoesNotContain("blazor", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        Assert.Equal(8, (await db.PublicLinks.SingleAsync(l => l.TokenHash == PublicLinkToken.Hash(token))).Views);
        foreach (var page in pages) await page.Context.CloseAsync();
    }

    /// <summary>Counts requests and web sockets to Blazor's hub: a circuit would need one.</summary>
    private static Func<int> CountBlazorTraffic(IPage page)
    {
        var count = 0;
        page.Request += (_, request) => { if (request.Url.Contains("_blazor", StringComparison.OrdinalIgnoreCase) || request.Url.Contains("blazor.web.js", StringComparison.Ordinal)) Interlocked.Increment(ref count); };
        page.WebSocket += (_, _) => Interlocked.Increment(ref count);
        return () => Volatile.Read(ref count);
    }

    private async Task<(long Id, string Token)> QuoteWithLinkAsync()
    {
        var services = fixture.App.Services;
        T Staff<T>() => ActivatorUtilities.CreateInstance<T>(services, (ICurrentActor)new TestActor());
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var client = await db.Clients.Where(c => c.Kind == ClientKind.Company && c.Status == ClientStatus.Active && c.Currency == "EUR")
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var rates = await Staff<SettingsService>().TaxRatesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var documents = Staff<DocumentService>();
        var id = await documents.CreateDraftAsync(new DocumentForm
        {
            Type = DocumentType.Quote, ClientId = client, Language = "en", Currency = "EUR", IssueDate = today, ValidUntil = today.AddDays(30),
            Notes = "Work starts within a week of acceptance.",
            Lines =
            [
                new LineInput { Description = "Hull inspection and report", Quantity = 3, Unit = "h", UnitPriceMinor = 85_00, TaxRateId = DocumentBuilder.Rate(rates, 21m, "ES") },
                new LineInput { Description = "Antifouling paint, 2.5 l", Quantity = 4, UnitPriceMinor = 62_50, DiscountPercent = 10, TaxRateId = DocumentBuilder.Rate(rates, 21m, "ES") },
            ],
        });
        await documents.IssueAsync(id);
        var url = (await Staff<PublicLinkService>().CreateAsync(id, "joanna@client.example")).Url;
        return (id, url[(url.LastIndexOf('/') + 1)..]);
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
}

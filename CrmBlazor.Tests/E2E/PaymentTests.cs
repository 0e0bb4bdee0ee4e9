using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Domain.Users;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// SND-5 / SND-6 in real browsers: a client pays an invoice from its public link on a phone through the sandbox
/// gateway while a colleague watches the document page turn "Paid" without reloading; staff record a part payment.
/// </summary>
[Collection(AppCollection.Name)]
public class PaymentTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");
    [Fact]
    public async Task SND_5_a_client_pays_on_a_phone_with_the_sandbox_card_and_staff_see_it_paid_live()
    {
        Directory.CreateDirectory(Folder);
        var (id, token) = await LinkedInvoiceAsync();
        var staff = await fixture.SignInAsync();
        await staff.GotoAsync($"/documents/{id}");
        await Blazor.WaitForCircuitAsync(staff);
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Issued");
        await Assertions.Expect(staff.Locator("#payments-none")).ToBeVisibleAsync();

        var client = await fixture.PhoneAsync("en");
        await client.GotoAsync($"/d/{token}/payment");
        await Assertions.Expect(client.Locator("#pay-balance")).ToHaveTextAsync("€108.90");
        await client.ClickAsync("#pay-submit");
        await Assertions.Expect(client).ToHaveURLAsync(new Regex(@"/pay/sandbox/sbx_"));
        await Assertions.Expect(client.Locator("#sandbox-amount")).ToHaveTextAsync("€108.90");
        await ShotAsync(client, "payments-sandbox-card");

        await FillCardAsync(client, "4000 0000 0000 0002");
        await Assertions.Expect(client.Locator("#sandbox-error")).ToContainTextAsync("declined");
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Issued");

        await FillCardAsync(client, "4242 4242 4242 4242");
        await Assertions.Expect(client).ToHaveURLAsync(new Regex($@"/d/{Regex.Escape(token)}/payment/\d+$"));
        await Assertions.Expect(client.Locator("#payment-paid")).ToBeVisibleAsync();
        await ShotAsync(client, "payments-paid");

        // The colleague's page changed by itself: the badge and the payments list.
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Paid");
        await Assertions.Expect(staff.Locator("#payments-table .payment-row")).ToHaveCountAsync(1);
        await Assertions.Expect(staff.Locator("#payments-table .payment-row")).ToContainTextAsync("€108.90");
        await Assertions.Expect(staff.Locator("#record-payment")).ToHaveCountAsync(0);

        // Paying again is refused clearly.
        await client.GotoAsync($"/d/{token}/payment");
        await Assertions.Expect(client.Locator("#pay-refused")).ToHaveTextAsync("This document is already paid.");
        await client.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task SND_6_staff_record_a_part_payment_and_the_waiting_page_turns_paid_when_the_rest_is_confirmed()
    {
        Directory.CreateDirectory(Folder);
        var (id, token) = await LinkedInvoiceAsync();
        var staff = await fixture.SignInAsync();
        await staff.GotoAsync($"/documents/{id}");
        await Blazor.WaitForCircuitAsync(staff);
        await staff.ClickAsync("#record-payment");
        await Assertions.Expect(staff.Locator("#payment-balance")).ToContainTextAsync("€108.90");
        await staff.FillAsync("#payment-amount", "40");
        await ShotAsync(staff, "payments-record-dialog", fullPage: false);
        await staff.ClickAsync("#payment-save");
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Partly paid");
        await Assertions.Expect(staff.Locator("#payments-summary")).ToContainTextAsync("Balance due €68.90");
        await Assertions.Expect(staff.Locator("#payments-table .payment-row")).ToContainTextAsync("Bank transfer");

        var client = await fixture.PhoneAsync("en");
        await client.GotoAsync($"/d/{token}/payment");
        await client.ClickAsync("#pay-submit");
        await Assertions.Expect(client.Locator("#sandbox-amount")).ToHaveTextAsync("€68.90");
        var reference = new Uri(client.Url).AbsolutePath.Split('/').Last();
        long attemptId;
        await using (var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext())
            attemptId = await db.PaymentAttempts.Where(a => a.ProviderReference == reference).Select(a => a.Id).SingleAsync();

        // The client is back from the gateway before its confirmation arrived: the page waits, then updates by itself.
        await client.GotoAsync($"/d/{token}/payment/{attemptId}");
        await Assertions.Expect(client.Locator("#payment-state")).ToHaveAttributeAsync("data-state", "pending");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<SandboxCheckout>().PayAsync(reference, "4242424242424242", "12/30", "123"));
        await Assertions.Expect(client.Locator("#payment-paid")).ToBeVisibleAsync();

        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Paid");
        await Assertions.Expect(staff.Locator("#payments-table .payment-row")).ToHaveCountAsync(2);
        // Reloaded because of a change made elsewhere, yet still in this user's culture (en-GB: day first).
        await Assertions.Expect(staff.Locator("#payments-table .payment-row").Nth(1))
            .ToContainTextAsync(DateTime.UtcNow.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await staff.Locator("#document-payments").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Folder, "payments-panel.png") });
        await client.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    private static async Task FillCardAsync(IPage page, string number)
    {
        await page.FillAsync("#card-number", number);
        await page.FillAsync("#card-expiry", "12/30");
        await page.FillAsync("#card-cvc", "123");
        await page.ClickAsync("#sandbox-pay");
    }

    /// <summary>
    /// An issued invoice of 108.90 € for a demo company and a public link to it, made through the app's own services.
    /// The app listens on a port chosen at start, so its public base URL is pointed there first.
    /// </summary>
    private async Task<(long Id, string Token)> LinkedInvoiceAsync()
    {
        fixture.App.Get<IOptions<SendingOptions>>().Value.PublicBaseUrl = fixture.App.BaseUrl;
        var factory = fixture.App.Get<CrmDbContextFactory>();
        await using var db = factory.CreateDbContext();
        var admin = await db.Users.SingleAsync(u => u.Email == "admin@demo.local");
        var actor = new StaffActor(new Actor(admin.Id, "Admin", new HashSet<string> { StaffRoles.Admin }, ProfileRights.All));
        var clientId = await db.Clients.Where(c => c.Kind == ClientKind.Company && c.Status == ClientStatus.Active && c.Currency == "EUR")
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var rate = await db.TaxRates.Where(t => t.IsActive && t.Percent == 21m && t.Country == "ES").Select(t => t.Id).FirstAsync();
        var documents = new DocumentService(factory, actor, fixture.App.Get<ChangeFeed>(), TimeProvider.System);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var id = await documents.CreateDraftAsync(new DocumentForm
        {
            Type = DocumentType.Invoice, ClientId = clientId, Language = "en", Currency = "EUR", IssueDate = today, DueDate = today.AddDays(30),
            Lines = [new LineInput { Description = "Hull repair", Quantity = 2, Unit = "h", UnitPriceMinor = 45_00, TaxRateId = rate }],
        });
        await documents.IssueAsync(id);
        var (link, token) = PublicLink.Create(id, "client@example.com", admin.Id, DateTime.UtcNow);
        db.PublicLinks.Add(link);
        await db.SaveChangesAsync();
        return (id, token);
    }

    private sealed class StaffActor(Actor actor) : ICurrentActor
    {
        public Task<Actor> GetAsync() => Task.FromResult(actor);
    }

    private static Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });
}

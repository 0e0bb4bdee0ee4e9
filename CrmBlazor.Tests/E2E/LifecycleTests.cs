using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Domain.Subscriptions;
using CrmBlazor.Tests.Support.App;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>Deactivating and reactivating a client in a real browser (DEA-1, DEA-2, DEA-3, DEA-4, DEA-5, DEA-6); keeps screenshots.</summary>
[Collection(AppCollection.Name)]
public class LifecycleTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task DEA_2_deactivate_with_both_choices_then_reactivate_holds_and_ended_subscription_stay()
    {
        Directory.CreateDirectory(Folder);
        var (company, invoice) = await CompanyWithStakesAsync();
        var page = await fixture.SignInAsync();
        var colleague = await fixture.SignInAsync();
        await colleague.GotoAsync($"/clients/{company}");
        await Blazor.WaitForCircuitAsync(colleague);

        await page.GotoAsync($"/clients/{company}");
        await Blazor.WaitForCircuitAsync(page);
        await page.ClickAsync("#client-actions");
        await page.ClickAsync("#action-deactivate");
        await page.Locator("#deactivate-intro").WaitForAsync();
        await Assertions.Expect(page.Locator("#deactivate-invoices")).ToContainTextAsync("1 invoice, €308.55 outstanding");
        await Assertions.Expect(page.Locator("#deactivate-subscriptions")).ToContainTextAsync("Mooring (Monthly)");
        await page.GetByText("Put the outstanding invoices on hold").ClickAsync();
        await page.GetByText("End the active subscriptions").ClickAsync();
        await ShotAsync(page, "deactivate-dialog");

        await page.ClickAsync("#deactivate-confirm");
        await Assertions.Expect(page.Locator("#deactivated-banner")).ToContainTextAsync("The client is deactivated.");
        await Assertions.Expect(page.Locator("#deactivated-banner")).ToContainTextAsync("Subscriptions ended: Mooring");
        await Assertions.Expect(page.Locator("#status-badge")).ToHaveTextAsync("Inactive");
        // DIR-8: the colleague's open page shows it without a reload.
        await Assertions.Expect(colleague.Locator("#deactivated-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await ShotAsync(page, "deactivated-banner");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Subscriptions" }).ClickAsync();
        await Assertions.Expect(page.Locator(".subscription-row .subscription-status")).ToContainTextAsync("Ended");

        await page.GotoAsync($"/documents/{invoice}");
        await Blazor.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".doc-hold")).ToHaveTextAsync("On hold");

        await page.GotoAsync($"/clients/{company}");
        await Blazor.WaitForCircuitAsync(page);
        await page.ClickAsync("#client-actions");
        await page.ClickAsync("#action-reactivate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reactivate" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-badge")).ToHaveTextAsync("Active");
        await Assertions.Expect(page.Locator("#deactivated-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(colleague.Locator("#deactivated-banner")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Documents" }).ClickAsync();
        await Assertions.Expect(page.Locator("#release-all-holds")).ToContainTextAsync("Release the hold (1)");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Subscriptions" }).ClickAsync();
        await Assertions.Expect(page.Locator(".subscription-row .subscription-status")).ToContainTextAsync("Ended");
        await Assertions.Expect(page.Locator(".subscription-end")).ToHaveCountAsync(0);
        // A new subscription is the only way to bill again (DEA-4); the tab follows live.
        await Services(out var subscriptions, out _, out _, out var settings);
        var rate = (await settings.TaxRatesAsync()).First(r => r.Country == "ES" && r.Percent == 21m).Id;
        await subscriptions.CreateAsync(company, Form("Mooring 2027", rate, SubscriptionInterval.Quarterly, autoSend: true));
        await Assertions.Expect(page.Locator(".subscription-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await ShotAsync(page, "subscriptions-tab");
        await colleague.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private Task Services(out SubscriptionService subscriptions, out ClientService clients, out DocumentService documents, out SettingsService settings)
    {
        var services = fixture.App.Services;
        var system = SystemCurrentActor.Instance;
        subscriptions = ActivatorUtilities.CreateInstance<SubscriptionService>(services, system);
        clients = ActivatorUtilities.CreateInstance<ClientService>(services, system);
        documents = ActivatorUtilities.CreateInstance<DocumentService>(services, system);
        settings = ActivatorUtilities.CreateInstance<SettingsService>(services, system);
        return Task.CompletedTask;
    }

    private SubscriptionForm Form(string title, long rate, SubscriptionInterval interval, bool autoSend) => new()
    {
        Title = title, Interval = interval, AutoSend = autoSend,
        StartDate = DateOnly.FromDateTime(fixture.App.Get<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(3),
        Lines = [new LineInput { Description = "Berth 14, pontoon B", Quantity = 1, Unit = "month", UnitPriceMinor = 320_00, TaxRateId = rate }],
    };

    private async Task<(long Company, long Invoice)> CompanyWithStakesAsync()
    {
        await Services(out var subscriptions, out var clients, out var documents, out var settings);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var company = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = $"Marina Azul {suffix} SL", Language = "en", Currency = "EUR", IsCustomer = true });
        var rate = (await settings.TaxRatesAsync()).First(r => r.Country == "ES" && r.Percent == 21m).Id;
        var form = await documents.NewDraftFormAsync(DocumentType.Invoice, company);
        form.Lines = [new LineInput { Description = "Hull inspection and report", Quantity = 3, Unit = "h", UnitPriceMinor = 85_00, TaxRateId = rate }];
        var invoice = await documents.CreateDraftAsync(form);
        await documents.IssueAsync(invoice);
        await subscriptions.CreateAsync(company, Form("Mooring", rate, SubscriptionInterval.Monthly, autoSend: false));
        return (company, invoice);
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = false });
}

using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>Activities, the client split and the "+" menu in a real browser (MAT-5, MAT-6, MAT-8); keeps screenshots.</summary>
[Collection(AppCollection.Name)]
public class ActivitiesTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task MAT_8_split_a_matter_among_its_active_clients_and_the_plus_menu_offers_only_matters_that_are_not_blocked()
    {
        Directory.CreateDirectory(Folder);
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var (matter, blocked) = await MatterWithActivitiesAsync(suffix);
        var page = await fixture.SignInAsync();

        await page.GotoAsync($"/matters/{matter}/activities");
        await Blazor.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".activity-row")).ToHaveCountAsync(4);
        await page.Locator(".activity-row .activity-select input").First.CheckAsync();
        await Assertions.Expect(page.Locator("#activities-transfer")).ToContainTextAsync("(1)");
        await ShotAsync(page, "activities-panel");

        await page.ClickAsync("#activities-split");
        await Assertions.Expect(page.Locator(".split-row")).ToHaveCountAsync(2);   // the inactive client is not in the split
        await Assertions.Expect(page.Locator("#split-total")).ToHaveTextAsync("100 %");
        await page.Locator("#split-percent-0").FillAsync("70");
        await page.Locator("#split-percent-0").BlurAsync();
        await Assertions.Expect(page.Locator("#split-total")).ToHaveTextAsync("120 %");
        await Assertions.Expect(page.Locator("#split-save")).ToBeDisabledAsync();
        await page.Locator("#split-percent-1").FillAsync("30");
        await page.Locator("#split-percent-1").BlurAsync();
        await Assertions.Expect(page.Locator("#split-total")).ToHaveTextAsync("100 %");
        // 1.5 h × €120.00 + €45.50 common = €225.50: 70 % is €157.85, 30 % is €67.65.
        await Assertions.Expect(page.Locator(".split-amount").First).ToHaveTextAsync("€157.85");
        await Assertions.Expect(page.Locator("#split-save")).ToBeEnabledAsync();
        await page.WaitForTimeoutAsync(300); // the button's colour transition
        await ShotAsync(page, "split-dialog");
        await page.ClickAsync("#split-save");
        await Assertions.Expect(page.Locator(".split-row")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".activity-share").First).ToContainTextAsync("€31.85");

        await page.ClickAsync("#quick-add");
        await Assertions.Expect(page.Locator("#quick-add-activity")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(400); // the menu's opening animation
        await ShotAsync(page, "quick-add-menu");
        await page.ClickAsync("#quick-add-activity");
        await page.Locator("#activity-matter").FillAsync(suffix);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Astillero" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Bloqueado" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
        _ = blocked;
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    /// <summary>A matter (two active clients, one inactive) with time, expenses and a common activity; and a blocked matter.</summary>
    private async Task<(long Matter, long Blocked)> MatterWithActivitiesAsync(string suffix)
    {
        var services = fixture.App.Services;
        var system = SystemCurrentActor.Instance;
        var clients = ActivatorUtilities.CreateInstance<ClientService>(services, system);
        var a = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = "Astillero Norte SL", Language = "es", Currency = "EUR", IsCustomer = true });
        var b = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = "Bodegas Sur SA", Language = "es", Currency = "EUR", IsCustomer = true });
        var c = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Person, FirstName = "Zofia", LastName = "Nowak", Language = "pl", Currency = "EUR", IsCustomer = true });
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var admin = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
        var now = fixture.App.Get<TimeProvider>().GetUtcNow().UtcDateTime;
        var matter = await MatterBuilder.InsertMatterAsync(db, "Astillero Norte – reclamación del casco", now, [admin], [(a, true), (b, true), (c, false)], $"2026-{suffix}");
        var blocked = await MatterBuilder.InsertMatterAsync(db, "Bloqueado", now, [admin], [(c, false)], $"2026-{suffix}-B");

        var activities = ActivatorUtilities.CreateInstance<ActivityService>(services, system);
        var today = DateOnly.FromDateTime(now);
        await activities.AddAsync(matter, new ActivityForm { Kind = ActivityKind.Time, Date = today.AddDays(-3), UserId = admin, DurationMinutes = 90, HourlyRateMinor = 120_00, Description = "Inspección del casco y informe" });
        await activities.AddAsync(matter, new ActivityForm { Kind = ActivityKind.Expense, Date = today.AddDays(-2), UserId = admin, AmountMinor = 45_50, Description = "Tasas del registro" });
        await activities.AddAsync(matter, new ActivityForm { Kind = ActivityKind.Time, Date = today.AddDays(-1), UserId = admin, DurationMinutes = 45, HourlyRateMinor = 120_00, Description = "Llamada con la aseguradora", ClientId = a });
        await activities.AddAsync(matter, new ActivityForm { Kind = ActivityKind.Expense, Date = today, UserId = admin, AmountMinor = 12_00, Description = "Mensajería", ClientId = b, Billable = false });
        return (matter, blocked);
    }
}

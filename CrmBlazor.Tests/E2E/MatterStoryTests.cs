using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// The seed's story (001) in real browsers: two clients on a matter, one made inactive and back, then both; a
/// colleague's open page follows every step (MAT-2, MAT-3, MAT-5, MAT-6, MAT-7, MAT-9).
/// </summary>
[Collection(AppCollection.Name)]
public class MatterStoryTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task MAT_7_a_client_made_inactive_then_active_again_gets_its_part_of_older_common_activities_and_all_inactive_blocks_the_matter()
    {
        Directory.CreateDirectory(Folder);
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var (matter, other) = await StoryAsync(suffix);
        var page = await fixture.SignInAsync();
        var colleague = await fixture.SignInAsync();
        foreach (var p in new[] { page, colleague })
        {
            await p.GotoAsync($"/matters/{matter}");
            await Blazor.WaitForCircuitAsync(p);
        }
        var common = page.Locator(".activity-row", new() { HasTextString = "Peritaje" });
        await Assertions.Expect(common.Locator(".activity-share")).ToHaveTextAsync([$"Marina Azul {suffix} SL: €50.00", $"Naviera Cantábrica {suffix} SL: €50.00"]);

        // MAT-2, MAT-3, MAT-6: Marina Azul made inactive on this matter only; its part goes to the active client.
        var marina = page.Locator(".party-row", new() { HasTextString = "Marina Azul" });
        await marina.Locator(".party-active-switch input").ClickAsync();
        await Assertions.Expect(marina).ToHaveClassAsync(new Regex("party-inactive"));
        await Assertions.Expect(common.Locator(".activity-share")).ToHaveTextAsync([$"Naviera Cantábrica {suffix} SL: €100.00"]);
        await Assertions.Expect(colleague.Locator(".party-row", new() { HasTextString = "Marina Azul" })).ToHaveClassAsync(new Regex("party-inactive"));
        await Assertions.Expect(colleague.Locator(".activity-row", new() { HasTextString = "Peritaje" }).Locator(".activity-share"))
            .ToHaveTextAsync([$"Naviera Cantábrica {suffix} SL: €100.00"]);
        await page.WaitForTimeoutAsync(400); // the switch's transition: the picture only
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, "matter-story-inactive.png"), FullPage = true });

        // MAT-7: active again, the older common activity is split among both again.
        await marina.Locator(".party-active-switch input").ClickAsync();
        await Assertions.Expect(common.Locator(".activity-share")).ToHaveTextAsync([$"Marina Azul {suffix} SL: €50.00", $"Naviera Cantábrica {suffix} SL: €50.00"]);

        // MAT-5: every client inactive — blocked; the colleague's page says so and offers no new activity.
        await marina.Locator(".party-active-switch input").ClickAsync();
        await Assertions.Expect(marina).ToHaveClassAsync(new Regex("party-inactive"));
        await page.Mouse.MoveAsync(5, 5); // away from Marina's switch, whose hover warning would cover the row above
        await page.Locator(".party-row", new() { HasTextString = "Naviera" }).Locator(".party-active-switch input").ClickAsync();
        await Assertions.Expect(colleague.Locator("#matter-blocked-banner")).ToBeVisibleAsync();
        await Assertions.Expect(colleague.Locator("#activities-new")).ToBeDisabledAsync();
        await Assertions.Expect(colleague.Locator("#activities-split")).ToBeDisabledAsync();

        // MAT-9: the service refuses a transfer into it even when forged past the picker.
        var transfers = ActivatorUtilities.CreateInstance<TransferService>(fixture.App.Services, SystemCurrentActor.Instance);
        ActivityRef moving;
        await using (var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext())
            moving = await db.Activities.Where(a => a.MatterId == other).Select(a => new ActivityRef(a.Id, a.Version)).SingleAsync();
        var refused = await Assert.ThrowsAnyAsync<DomainException>(() => transfers.TransferAsync(other, [moving], matter));
        Assert.Equal(MatterBlocking.RefusedKey, refused.MessageKey);
        await colleague.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MAT_5_the_demo_data_has_matters_with_activities_one_client_inactive_on_a_matter_and_one_blocked_matter()
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var demo = await db.Matters.Where(m => m.Title == "Réclamation assurance coque" || m.Title == "Embargo preventivo del velero")
            .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        Assert.Equal(2, demo.Count);
        Assert.Equal([1, 0], await db.MatterParties.Where(p => p.MatterId == demo[0]).OrderBy(p => p.Id).Select(p => p.IsActive ? 1 : 0).ToListAsync());
        Assert.False(await MatterBlocking.IsBlockedAsync(db, demo[0]));
        Assert.True(await MatterBlocking.IsBlockedAsync(db, demo[1]));
        Assert.Equal(3, await db.Activities.CountAsync(a => a.MatterId == demo[0]));
        // The inactive client has no part of the common activities.
        Assert.Single(await db.ActivityShares.Where(s => db.Activities.Any(a => a.Id == s.ActivityId && a.MatterId == demo[0]))
            .Select(s => s.ClientId).Distinct().ToListAsync());
    }

    /// <summary>A matter of two clients with one common expense of €100.00, and another matter with one activity.</summary>
    private async Task<(long Matter, long Other)> StoryAsync(string suffix)
    {
        var services = fixture.App.Services;
        var system = SystemCurrentActor.Instance;
        var clients = ActivatorUtilities.CreateInstance<ClientService>(services, system);
        var naviera = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = $"Naviera Cantábrica {suffix} SL", Language = "es", Currency = "EUR", IsCustomer = true });
        var marina = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = $"Marina Azul {suffix} SL", Language = "es", Currency = "EUR", IsCustomer = true });
        string admin;
        await using (var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext())
            admin = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
        var matters = ActivatorUtilities.CreateInstance<MatterService>(services, system);
        var matter = await matters.CreateAsync(new MatterForm
        {
            Title = $"Abordaje en el pantalán {suffix}", ResponsibleUserId = admin,
            Parties = [new PartyInput(naviera, PartyRole.Client), new PartyInput(marina, PartyRole.Client)],
        });
        var other = await matters.CreateAsync(new MatterForm
        {
            Title = $"Reclamación del seguro {suffix}", ResponsibleUserId = admin, Parties = [new PartyInput(naviera, PartyRole.Client)],
        });
        var activities = ActivatorUtilities.CreateInstance<ActivityService>(services, system);
        var today = DateOnly.FromDateTime(fixture.App.Get<TimeProvider>().GetUtcNow().UtcDateTime);
        await activities.AddAsync(matter, new ActivityForm { Kind = ActivityKind.Expense, Date = today.AddDays(-5), UserId = admin, AmountMinor = 100_00, Description = "Peritaje naval" });
        await activities.AddAsync(other, new ActivityForm { Kind = ActivityKind.Expense, Date = today, UserId = admin, AmountMinor = 20_00, Description = "Copias" });
        return (matter, other);
    }
}

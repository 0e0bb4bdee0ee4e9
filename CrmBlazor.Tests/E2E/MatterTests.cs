using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Tests.Support.App;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>Creating a matter through the stepper and making a client inactive on it, in a real browser (MAT-1, MAT-2, MAT-3); keeps screenshots.</summary>
[Collection(AppCollection.Name)]
public class MatterTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task MAT_1_create_a_matter_in_steps_with_two_clients_then_MAT_3_make_one_inactive_and_see_it_greyed_live()
    {
        Directory.CreateDirectory(Folder);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var clients = ActivatorUtilities.CreateInstance<ClientService>(fixture.App.Services, SystemCurrentActor.Instance);
        var first = $"Naviera Cantábrica {suffix} SL";
        var second = $"Marina Azul {suffix} SL";
        foreach (var name in new[] { first, second })
            await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = name, Language = "en", Currency = "EUR", IsCustomer = true });

        var page = await fixture.SignInAsync();
        await page.ClickAsync("#nav-matters");
        await Assertions.Expect(page.Locator("#matters-title")).ToHaveTextAsync("Matters");
        await page.ClickAsync("#matter-new");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/matters/new$"));
        await Blazor.WaitForCircuitAsync(page);
        await page.FillAsync("#matter-title", $"Collision at the pontoon {suffix}");
        await page.ClickAsync("#matter-next");

        foreach (var name in new[] { first, second })
        {
            await page.FillAsync("#client-picker", suffix);
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = name }).ClickAsync();
            await page.ClickAsync("#party-add");
            await Assertions.Expect(page.Locator("#parties-editor .party-edit-row", new() { HasTextString = name })).ToBeVisibleAsync();
        }
        await ShotAsync(page, "matter-new-parties");
        await page.ClickAsync("#matter-next");
        await Assertions.Expect(page.Locator(".matter-intervenant").First).ToBeVisibleAsync();
        await page.ClickAsync("#matter-create");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/matters/\d+$"));
        await Blazor.WaitForCircuitAsync(page);
        var url = page.Url;
        await Assertions.Expect(page.Locator("#matter-number")).ToHaveTextAsync(new Regex(@"^\d{4}-\d{4}$"));

        var colleague = await fixture.SignInAsync("office@demo.local");
        await colleague.GotoAsync(url);
        await Blazor.WaitForCircuitAsync(colleague);
        await Assertions.Expect(colleague.Locator(".party-row")).ToHaveCountAsync(2);

        var row = page.Locator(".party-row", new() { HasTextString = second });
        await row.Locator(".party-active-switch input").ClickAsync();
        await Assertions.Expect(row).ToHaveClassAsync(new Regex("party-inactive"));
        await Assertions.Expect(row.Locator(".party-inactive-label")).ToHaveTextAsync("Inactive");
        // The colleague's open page follows without a reload (DIR-8).
        await Assertions.Expect(colleague.Locator(".party-row", new() { HasTextString = second })).ToHaveClassAsync(new Regex("party-inactive"));
        await Assertions.Expect(page.Locator(".matter-blocked")).ToHaveCountAsync(0);
        await page.Mouse.MoveAsync(0, 0);
        await ShotAsync(page, "matter-page");

        // Two more matters for the list: one blocked (its only client inactive on it, MAT-5).
        var matters = ActivatorUtilities.CreateInstance<MatterService>(fixture.App.Services, SystemCurrentActor.Instance);
        var reads = ActivatorUtilities.CreateInstance<MatterQueries>(fixture.App.Services, SystemCurrentActor.Instance);
        var admin = (await reads.StaffUsersAsync()).First(u => u.Name == "Ana Admin").Id;
        var firstId = (await reads.ListAsync(new MatterListRequest(suffix))).Rows.Single().Id;
        var ids = (await reads.GetAsync(firstId))!.Parties.Select(p => p.ClientId).ToList();
        await matters.CreateAsync(new MatterForm { Title = $"Hull survey {suffix}", ResponsibleUserId = admin, Parties = [new PartyInput(ids[0], PartyRole.Client)] });
        await matters.CreateAsync(new MatterForm { Title = $"Berth dispute {suffix}", ResponsibleUserId = admin, Parties = [new PartyInput(ids[1], PartyRole.Client, IsActive: false)] });
        await page.ClickAsync("#nav-matters");
        await Assertions.Expect(page.Locator(".matter-row .matter-blocked").First).ToBeVisibleAsync();
        await ShotAsync(page, "matters-list");
        await colleague.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
}

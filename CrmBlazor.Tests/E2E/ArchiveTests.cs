using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// The Archive in a real browser (ARC-1..ARC-4): "Delete selected" with its Undo message, the Archive page with
/// search, show mail, restore and deletion for good, and a colleague's list following live. Keeps screenshots.
/// </summary>
[Collection(AppCollection.Name)]
public class ArchiveTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task ARC_1_delete_selected_archives_two_clients_then_one_is_restored_and_the_other_deleted_for_good()
    {
        Directory.CreateDirectory(Folder);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var kept = await CompanyAsync($"Varadero Sur {suffix} SL");
        var dropped = await CompanyAsync($"Velas Ortega {suffix} SL");
        await MailAsync(kept, $"Presupuesto Q-2026-0101 – Varadero Sur {suffix}");

        var page = await fixture.SignInAsync();
        var colleague = await fixture.SignInAsync();
        foreach (var p in new[] { page, colleague })
        {
            await p.GotoAsync($"/companies?q={suffix}");
            await Blazor.WaitForCircuitAsync(p);
            await Assertions.Expect(Rows(p)).ToHaveCountAsync(2);
        }

        // ARC-1: tick both rows, "Delete selected", a confirmation that says it is not for good, then Undo on offer.
        await Rows(page).Nth(0).Locator(".row-select input").CheckAsync();
        await Rows(page).Nth(1).Locator(".row-select input").CheckAsync();
        await Assertions.Expect(page.Locator("#delete-selected")).ToContainTextAsync("(2)");
        await page.ClickAsync("#delete-selected");
        await Assertions.Expect(page.Locator("#archive-not-for-good")).ToBeVisibleAsync();
        await ShotAsync(page, "archive-confirm");
        await page.ClickAsync("#archive-confirm");
        var undo = page.Locator(".archive-undo-snackbar");
        await Assertions.Expect(undo).ToContainTextAsync("2");
        await Assertions.Expect(undo.GetByRole(AriaRole.Button, new() { Name = "Undo" })).ToBeVisibleAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(0);
        await ShotAsync(page, "archive-undo");
        // ARC-2, DIR-8: the colleague's open list loses them without a reload.
        await Assertions.Expect(Rows(colleague)).ToHaveCountAsync(0);

        // ARC-3: found in the Archive by search.
        await page.GotoAsync("/archive");
        await Blazor.WaitForCircuitAsync(page);
        await page.FillAsync("#archive-search", suffix);
        var archived = page.Locator("#archive-table tbody tr").Filter(new() { HasText = suffix });
        // The whole table, not only the matching rows: a click while the debounced search still re-renders it can be lost.
        await Assertions.Expect(page.Locator("#archive-table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(archived).ToHaveCountAsync(2);
        await ShotAsync(page, "archive-page");

        // Show mail: the Mail page filtered to that client.
        await archived.Filter(new() { HasText = "Varadero" }).Locator(".row-mail").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/mail\\?client={kept}$"));
        await Assertions.Expect(page.Locator("#mail-table tr.mail-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#mail-table tr.mail-row")).ToContainTextAsync($"Varadero Sur {suffix}");

        await page.GotoAsync("/archive");
        await Blazor.WaitForCircuitAsync(page);
        await page.FillAsync("#archive-search", suffix);
        await Assertions.Expect(page.Locator("#archive-table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(archived).ToHaveCountAsync(2);
        await archived.Filter(new() { HasText = "Varadero" }).Locator(".row-restore").ClickAsync();
        await Assertions.Expect(archived).ToHaveCountAsync(1);
        // The colleague's list gets the restored client back, live.
        await Assertions.Expect(Rows(colleague)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(colleague)).ToContainTextAsync($"Varadero Sur {suffix} SL");

        // ARC-4: deletion for good needs the name typed exactly.
        await archived.Locator(".row-delete-forever").ClickAsync();
        await Assertions.Expect(page.Locator("#delete-forever")).ToBeDisabledAsync();
        await page.FillAsync("#delete-confirmation", $"Velas Ortega {suffix} SL");
        await Assertions.Expect(page.Locator("#delete-forever")).ToBeEnabledAsync();
        await ShotAsync(page, "archive-delete-dialog");
        await page.ClickAsync("#delete-forever");
        await Assertions.Expect(archived).ToHaveCountAsync(0);

        await using (var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext())
        {
            Assert.False(await db.Clients.AnyAsync(c => c.Id == dropped));
            Assert.Equal(ClientStatus.Active, await db.Clients.Where(c => c.Id == kept).Select(c => c.Status).SingleAsync());
        }
        await page.GotoAsync($"/companies?q={suffix}");
        await Blazor.WaitForCircuitAsync(page);
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await colleague.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private static ILocator Rows(IPage page) => page.Locator("#client-table tbody tr").Filter(new() { Has = page.Locator(".row-select") });

    private async Task<long> CompanyAsync(string name)
    {
        var clients = ActivatorUtilities.CreateInstance<ClientService>(fixture.App.Services, SystemCurrentActor.Instance);
        return await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = name, Language = "es", Currency = "EUR", IsCustomer = true });
    }

    private async Task MailAsync(long clientId, string subject)
    {
        var options = fixture.App.Get<MailOptions>();
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        db.Enqueue(new MailDraft(MailKind.Document, "compras@varadero.test", "Compras", subject, $"Hola:\n\n{subject}\n\nUn saludo", $"<p>Hola:</p><p>{subject}</p>") { ClientId = clientId },
            DateTime.UtcNow, options);
        await db.SaveChangesAsync();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        await page.WaitForTimeoutAsync(500); // let MudBlazor's fades and colour transitions finish: the picture only
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = false });
    }
}

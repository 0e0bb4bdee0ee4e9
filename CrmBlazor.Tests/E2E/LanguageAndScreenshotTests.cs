using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// Walks the main screens in English and Polish as a user would, checking the language, and keeps a
/// screenshot of each under artifacts/screenshots (the best are copied to docs/screenshots).
/// </summary>
[Collection(AppCollection.Name)]
public class LanguageAndScreenshotTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Theory]
    [InlineData("en", "Companies", "History", "Active")]
    [InlineData("pl", "Firmy", "Historia", "Aktywny")]
    [InlineData("es", "Empresas", "Historial", "Activo")]
    public async Task NF_1_the_directory_detail_and_history_read_in_the_users_language(string language, string companies, string history, string active)
    {
        Directory.CreateDirectory(Folder);
        var page = await fixture.SignInAsync("admin@demo.local", language);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(companies, (await page.InnerTextAsync("#list-title")).Trim());
        await ShotAsync(page, $"list-{language}");

        await page.GotoAsync("/companies?f=active.eq.no&f=country.contains.a");
        await Blazor.WaitForCircuitAsync(page);
        Assert.Contains(active, await page.InnerTextAsync("#filter-rules"));
        await page.ClickAsync("#filter-open");
        await page.Locator("#filter-add").WaitForAsync();
        await ShotAsync(page, $"filter-{language}");

        await page.GotoAsync($"/clients/{await BusiestCompanyAsync()}");
        await Blazor.WaitForCircuitAsync(page);
        await ShotAsync(page, $"detail-{language}");
        await page.ClickAsync($"text={history}");
        await page.Locator(".history-item").First.WaitForAsync();
        await ShotAsync(page, $"history-{language}");

        await page.ClickAsync("#client-actions");
        await page.ClickAsync("#action-edit");
        await page.FillAsync("#field-email", "not-an-email");
        await page.ClickAsync("#client-save");
        await page.Locator(".mud-input-error").First.WaitForAsync();
        await ShotAsync(page, $"edit-errors-{language}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DIR_3_the_person_list_works_on_a_phone()
    {
        Directory.CreateDirectory(Folder);
        var page = await fixture.SignInAsync("sales@demo.local", "fr", new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/persons");
        await Blazor.WaitForCircuitAsync(page);
        Assert.True(await page.Locator("#client-table tbody tr.mud-table-row").CountAsync() > 0);
        await ShotAsync(page, "persons-phone-fr");
        await page.Context.CloseAsync();
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    private async Task<long> BusiestCompanyAsync()
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        return await db.ContactLinks.GroupBy(l => l.CompanyId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    }
}

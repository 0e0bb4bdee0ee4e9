using CrmBlazor.Tests.Support.App;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>The settings page in a real browser: saving, the logo upload, and a screenshot (artifacts/screenshots/settings-en.png).</summary>
[Collection(AppCollection.Name)]
public class SettingsPageTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task NF_2_an_admin_fills_in_the_organisation_and_uploads_a_logo_from_the_settings_link()
    {
        Directory.CreateDirectory(Folder);
        var page = await fixture.SignInAsync("admin@demo.local");
        await page.ClickAsync("a[href='/admin/settings']");
        await page.WaitForSelectorAsync("#settings-companyname");
        await Blazor.WaitForCircuitAsync(page);

        await page.FillAsync("#settings-companyname", "Astillero Norte SL");
        await page.FillAsync("#settings-taxid", "ESB12345678");
        await page.FillAsync("#settings-street", "Calle del Puerto 12");
        await page.FillAsync("#settings-postalcode", "15001");
        await page.FillAsync("#settings-city", "A Coruña");
        await page.FillAsync("#settings-country", "España");
        await page.FillAsync("#settings-email", "facturas@astillero-norte.es");
        await page.FillAsync("#settings-phone", "+34 981 123 456");
        await page.FillAsync("#settings-bankaccount", "ES91 2100 0418 4502 0005 1332");
        await page.FillAsync("#settings-prefix-invoice", "FA");
        await page.ClickAsync("#settings-save");
        await page.Locator(".mud-snackbar").Filter(new() { HasText = "Settings saved." }).WaitForAsync();

        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = await LogoAsync() });
        await page.Locator("#logo-preview").WaitForAsync();
        await page.Locator(".mud-snackbar").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, "settings-en.png"), FullPage = true });

        await page.ReloadAsync();
        await Blazor.WaitForCircuitAsync(page);
        Assert.Equal("Astillero Norte SL", await page.InputValueAsync("#settings-companyname"));
        Assert.Equal("FA", await page.InputValueAsync("#settings-prefix-invoice"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NF_2_office_staff_have_no_settings_link_and_see_the_page_read_only()
    {
        var office = await fixture.SignInAsync("office@demo.local");
        Assert.Equal(0, await office.Locator("a[href='/admin/settings']").CountAsync());

        await office.GotoAsync("/admin/settings");
        await Blazor.WaitForCircuitAsync(office);

        await office.Locator("#settings-readonly").WaitForAsync();
        Assert.Equal(0, await office.Locator("#settings-save").CountAsync());
        await office.Context.CloseAsync();
    }

    /// <summary>A small logo drawn by the browser itself, so the test needs no image file.</summary>
    private async Task<byte[]> LogoAsync()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <div id="logo" style="display:inline-flex;align-items:center;gap:10px;padding:12px 18px;font:bold 28px 'DejaVu Sans',sans-serif;color:#1d3b6e;background:#fff">
              <span style="display:inline-block;width:44px;height:44px;border-radius:50%;background:#2f80ed"></span>Astillero Norte
            </div>
            """);
        var png = await page.Locator("#logo").ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png });
        await context.CloseAsync();
        return png;
    }
}

using Bunit;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.Settings;

/// <summary>The settings page: messages next to the fields (NF-3), the version check, the logo, tax rates (DOC-1) and rights (NF-2).</summary>
public class SettingsPageTests : ComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(_ => Host.Get<SettingsService>());
    }

    private IRenderedComponent<SettingsPage> Open()
    {
        var page = RenderWithProviders<SettingsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#settings-companyname")));
        return page;
    }

    private static Task TypeAsync(IRenderedComponent<IComponent> where, string id, string value) =>
        where.Find($"#{id}").ChangeAsync(new ChangeEventArgs { Value = value });

    private async Task<OrganisationSettings> StoredAsync()
    {
        await using var db = Host.Db();
        return await db.Settings.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task NF_3_an_empty_company_name_and_a_bad_prefix_show_messages_at_their_fields_and_nothing_is_saved()
    {
        var page = Open();
        var before = await StoredAsync();
        await TypeAsync(page, "settings-companyname", "  ");
        await TypeAsync(page, "settings-prefix-invoice", "IN-V");
        await TypeAsync(page, "settings-city", "Gdańsk");

        await page.Find("#settings-save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("This field is required.", FieldMessage(page, "settings-companyname")));
        Assert.Equal("1 to 10 letters or digits.", FieldMessage(page, "settings-prefix-invoice"));
        Assert.Equal(string.Empty, FieldMessage(page, "settings-prefix-quote"));
        var after = await StoredAsync();
        Assert.Equal((before.Version, before.CompanyName, before.InvoicePrefix, before.City), (after.Version, after.CompanyName, after.InvoicePrefix, after.City));
        await using var db = Host.Db();
        Assert.Empty(db.Audit);
    }

    [Fact]
    public async Task NF_3_saving_over_a_colleagues_newer_settings_shows_the_stale_message_and_keeps_their_data()
    {
        var page = Open();
        await TypeAsync(page, "settings-companyname", "Mine SL");
        var colleague = AsColleague<SettingsService>(TestActor.Admin);
        var theirs = await colleague.GetAsync();
        theirs.CompanyName = "Theirs SL";
        await colleague.SaveAsync(theirs, theirs.Version);

        await page.Find("#settings-save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Someone else changed the settings", page.Find("#settings-stale").TextContent));
        Assert.Equal("Theirs SL", (await StoredAsync()).CompanyName);

        await page.Find("#settings-reload").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Theirs SL", page.Find("#settings-companyname").GetAttribute("value")));
        Assert.Empty(page.FindAll("#settings-stale"));
    }

    [Fact]
    public async Task Saving_valid_settings_stores_them_and_the_logo_does_not_make_the_form_stale()
    {
        var page = Open();
        await TypeAsync(page, "settings-companyname", " Astillero Norte SL ");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TinyPng, "logo.png"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#logo-preview")));
        await TypeAsync(page, "settings-prefix-invoice", "FA");

        await page.Find("#settings-save").ClickAsync(new());

        Root.WaitForAssertion(() => Assert.Contains("Settings saved.", Root.Markup));
        var stored = await StoredAsync();
        Assert.Equal(("Astillero Norte SL", "FA", "image/png"), (stored.CompanyName, stored.InvoicePrefix, stored.LogoContentType));
        Assert.StartsWith("data:image/png;base64,", page.Find("#logo-preview").GetAttribute("src"));
    }

    [Fact]
    public async Task SND_3_link_days_after_settlement_are_edited_on_the_page_within_1_to_3650()
    {
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal("30", page.Find("#settings-linkdays").GetAttribute("value")));
        Assert.Equal("Emailed links stop working this many days later.", FieldMessage(page, "settings-linkdays"));
        // The field keeps typed values inside the range the service accepts (the service refuses the rest: SettingsServiceTests).
        await TypeAsync(page, "settings-linkdays", "0");
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("#settings-linkdays").GetAttribute("value")));

        await TypeAsync(page, "settings-linkdays", "90");
        await page.Find("#settings-save").ClickAsync(new());

        Root.WaitForAssertion(() => Assert.Contains("Settings saved.", Root.Markup));
        Assert.Equal(90, (await StoredAsync()).LinkDaysAfterSettled);
    }

    [Fact]
    public async Task NF_3_a_text_file_as_logo_shows_the_not_an_image_message_next_to_the_upload()
    {
        var page = Open();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("<svg onload=alert(1)>", "logo.png"));

        page.WaitForAssertion(() => Assert.Equal("The logo must be a PNG or JPEG image.", page.Find("#logo-error").TextContent.Trim()));
        Assert.Null((await StoredAsync()).Logo);
        Assert.NotNull(page.Find("#logo-none"));
    }

    [Fact]
    public async Task NF_3_a_logo_over_512_KB_shows_the_too_large_message()
    {
        var page = Open();
        var huge = new byte[3 * 1024 * 1024];
        TinyPng.CopyTo(huge, 0);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(huge, "huge.png"));

        page.WaitForAssertion(() => Assert.Equal("The logo must be at most 512 KB.", page.Find("#logo-error").TextContent.Trim()));
        Assert.Null((await StoredAsync()).Logo);
    }

    [Fact]
    public async Task DOC_1_NF_3_adding_a_rate_of_150_percent_shows_the_message_at_the_percent_and_adds_nothing()
    {
        var page = Open();
        var before = (await Host.Get<SettingsService>().TaxRatesAsync(activeOnly: false)).Count;
        await page.Find("#rate-add").ClickAsync(new());
        Root.WaitForAssertion(() => Assert.NotNull(Root.Find("#rate-save")));
        await TypeAsync(Root, "rate-name", "Too much");
        await TypeAsync(Root, "rate-percent", "150");
        await TypeAsync(Root, "rate-country", "ES");

        await Root.Find("#rate-save").ClickAsync(new());

        Root.WaitForAssertion(() => Assert.Equal("A rate is between 0 and 100 %, with at most two decimals.", FieldMessage(Root, "rate-percent")));
        Assert.Equal(before, (await Host.Get<SettingsService>().TaxRatesAsync(activeOnly: false)).Count);

        await TypeAsync(Root, "rate-percent", "7");
        await Root.Find("#rate-save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#rates-table tbody tr"), r => r.TextContent.Contains("Too much")));
        Assert.Empty(Root.FindAll("#rate-save"));
    }

    [Fact]
    public async Task DOC_1_a_rate_a_colleague_retires_shows_as_retired_without_reloading()
    {
        var page = Open();
        var rate = (await Host.Get<SettingsService>().TaxRatesAsync()).First();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"#rate-retire-{rate.Id}")));

        await AsColleague<SettingsService>(TestActor.Admin).RetireTaxRateAsync(rate.Id);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"#rate-retire-{rate.Id}")));
        Assert.Contains(page.FindAll("#rates-table tbody tr"), r => r.TextContent.Contains(rate.Name) && r.TextContent.Contains("Retired"));
    }

    [Fact]
    public void NF_2_office_staff_see_the_settings_read_only_with_a_message()
    {
        Host.Actor.Current = TestActor.Office;

        var page = Open();

        Assert.Contains("not change them", page.Find("#settings-readonly").TextContent);
        Assert.True(page.Find("#settings-companyname").HasAttribute("readonly"));
        foreach (var action in new[] { "#settings-save", "#rate-add", "#logo-choose", "[id^=rate-retire-]" })
            Assert.Empty(page.FindAll(action));
        Assert.Empty(page.FindComponents<InputFile>());
        Assert.NotEmpty(page.FindAll("#rates-table tbody tr"));
    }

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}

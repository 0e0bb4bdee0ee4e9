using System.Text;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Settings;

/// <summary>Organisation settings and tax rates: who may change them (NF-2) and what is refused (NF-3).</summary>
public class SettingsServiceTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_changing_settings_needs_the_manage_settings_right(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        host.Actor.Current = TestActor.Office;
        var current = await settings.GetAsync();
        current.CompanyName = "Hijacked";

        await Assert.ThrowsAsync<NotAllowedException>(() => settings.SaveAsync(current, current.Version));
        await Assert.ThrowsAsync<NotAllowedException>(() => settings.SetLogoAsync(Png));
        await Assert.ThrowsAsync<NotAllowedException>(() => settings.AddTaxRateAsync("IVA 7 %", 7m, "ES"));

        var after = await settings.GetAsync();
        Assert.Equal(("My Company", 1L, (byte[]?)null), (after.CompanyName, after.Version, after.Logo));
        Assert.Equal(12, (await settings.TaxRatesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_settings_save_trimmed_and_bad_prefixes_or_terms_are_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();

        foreach (var bad in new[] { "", " ", "ABCDEFGHIJK", "IN-V", "FAC/", "ÑO", "A B" })
            await Expect.FieldErrorAsync(() => host.ChangeSettingsAsync(s => s.InvoicePrefix = bad), "InvoicePrefix", "Error.PrefixInvalid");
        await Expect.FieldErrorAsync(() => host.ChangeSettingsAsync(s => s.QuotePrefix = "P.1"), "QuotePrefix", "Error.PrefixInvalid");
        await Expect.FieldErrorAsync(() => host.ChangeSettingsAsync(s => s.PaymentTermDays = -1), "PaymentTermDays", "Error.PaymentTermRange");
        await Expect.FieldErrorAsync(() => host.ChangeSettingsAsync(s => s.PaymentTermDays = 366), "PaymentTermDays", "Error.PaymentTermRange");
        await Expect.FieldErrorAsync(() => host.ChangeSettingsAsync(s => s.CompanyName = " "), "CompanyName", "Error.Required");
        Assert.Equal(1, (await settings.GetAsync()).Version);

        await host.ChangeSettingsAsync(s => { s.InvoicePrefix = " F2026x "; s.CreditNotePrefix = "ABCDEFGHIJ"; s.PaymentTermDays = 365; });
        await host.ChangeSettingsAsync(s => s.PaymentTermDays = 0);

        var saved = await settings.GetAsync();
        Assert.Equal(("F2026x", "ABCDEFGHIJ", 0, 3L), (saved.InvoicePrefix, saved.CreditNotePrefix, saved.PaymentTermDays, saved.Version));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_days_links_stay_open_after_settlement_are_saved_between_1_and_3650(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        Assert.Equal(30, (await settings.GetAsync()).LinkDaysAfterSettled);

        foreach (var bad in new[] { 0, -5, 3651 })
            await Expect.FieldErrorAsync(() => host.ChangeSettingsAsync(s => s.LinkDaysAfterSettled = bad), "LinkDaysAfterSettled", "Error.LinkDaysRange");
        Assert.Equal((30, 1L), ((await settings.GetAsync()).LinkDaysAfterSettled, (await settings.GetAsync()).Version));

        await host.ChangeSettingsAsync(s => s.LinkDaysAfterSettled = 3650);
        await host.ChangeSettingsAsync(s => s.LinkDaysAfterSettled = 1);
        Assert.Equal(1, (await settings.GetAsync()).LinkDaysAfterSettled);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_saving_settings_from_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        var mine = await settings.GetAsync();
        await host.ChangeSettingsAsync(s => s.CompanyName = "Theirs SL");

        mine.CompanyName = "Mine SL";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => settings.SaveAsync(mine, mine.Version));

        Assert.Equal("Theirs SL", (await settings.GetAsync()).CompanyName);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_the_logo_is_a_png_or_jpeg_recognised_by_its_bytes_up_to_512_kb(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();

        await settings.SetLogoAsync(Png);
        var png = await settings.GetAsync();
        Assert.Equal("image/png", png.LogoContentType);
        Assert.Equal(Png, png.Logo);
        var largest = Jpeg.Concat(new byte[OrganisationSettings.LogoMaxBytes - Jpeg.Length]).ToArray();
        await settings.SetLogoAsync(largest);
        var saved = await settings.GetAsync();
        Assert.Equal(("image/jpeg", 512 * 1024), (saved.LogoContentType, saved.Logo!.Length));

        await Expect.FieldErrorAsync(() => settings.SetLogoAsync(Encoding.UTF8.GetBytes("just text, named logo.png")), "Logo", "Error.LogoNotImage");
        await Expect.FieldErrorAsync(() => settings.SetLogoAsync(Encoding.UTF8.GetBytes(
            """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""")), "Logo", "Error.LogoNotImage");
        await Expect.FieldErrorAsync(() => settings.SetLogoAsync(Png.Concat(new byte[600 * 1024]).ToArray()), "Logo", "Error.LogoTooLarge");
        await Expect.FieldErrorAsync(() => settings.SetLogoAsync([]), "Logo", "Error.LogoTooLarge");

        Assert.Equal(("image/jpeg", saved.Version), ((await settings.GetAsync()).LogoContentType, (await settings.GetAsync()).Version));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_1_the_twelve_seeded_es_fr_pl_rates_are_listed(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);

        var rates = await host.Get<SettingsService>().TaxRatesAsync();

        Assert.Equal(
            ["ES 21", "ES 10", "ES 4", "ES 0", "FR 20", "FR 10", "FR 5.5", "FR 2.1", "PL 23", "PL 8", "PL 5", "PL 0"],
            rates.Select(r => FormattableString.Invariant($"{r.Country} {r.Percent:0.##}")));
        Assert.All(rates, r => Assert.True(r.IsActive));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_a_tax_rate_needs_a_percent_of_0_to_100_and_a_two_letter_country(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();

        await Expect.FieldErrorAsync(() => settings.AddTaxRateAsync("Bad", -1m, "ES"), "Percent", "Error.TaxPercentRange");
        await Expect.FieldErrorAsync(() => settings.AddTaxRateAsync("Bad", 100.01m, "ES"), "Percent", "Error.TaxPercentRange");
        await Expect.FieldErrorAsync(() => settings.AddTaxRateAsync("Bad", 7.125m, "ES"), "Percent", "Error.TaxPercentRange");
        await Expect.FieldErrorAsync(() => settings.AddTaxRateAsync("Bad", 7m, "ESP"), "Country", "Error.CountryCode");
        await Expect.FieldErrorAsync(() => settings.AddTaxRateAsync("Bad", 7m, ""), "Country", "Error.CountryCode");
        await Expect.FieldErrorAsync(() => settings.AddTaxRateAsync("Bad", 7m, "1 "), "Country", "Error.CountryCode");
        await Expect.FieldErrorAsync(() => settings.AddTaxRateAsync("Bad", 7m, "E1"), "Country", "Error.CountryCode");
        await Expect.FieldErrorAsync(() => settings.AddTaxRateAsync(" ", 7m, "ES"), "Name", "Error.Required");
        Assert.Equal(12, (await settings.TaxRatesAsync()).Count);

        var id = await settings.AddTaxRateAsync(" IGIC 7 % ", 7m, "es");

        var added = Assert.Single(await settings.TaxRatesAsync(), r => r.Id == id);
        Assert.Equal(("IGIC 7 %", 7m, "ES"), (added.Name, added.Percent, added.Country));
    }
}

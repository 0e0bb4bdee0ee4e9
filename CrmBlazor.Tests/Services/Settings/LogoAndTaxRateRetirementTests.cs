using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Settings;

/// <summary>Removing the logo and retiring tax rates: only with the ManageSettings right (NF-2), audited, published.</summary>
public class LogoAndTaxRateRetirementTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_removing_the_logo_needs_the_manage_settings_right(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        await settings.SetLogoAsync(Png);

        foreach (var actor in new[] { TestActor.Office, TestActor.Sales, Actor.Anonymous })
        {
            host.Actor.Current = actor;
            await Assert.ThrowsAsync<NotAllowedException>(() => settings.RemoveLogoAsync());
        }

        host.Actor.Current = TestActor.Admin;
        var kept = await settings.GetAsync();
        Assert.Equal(Png, kept.Logo);
        Assert.Equal("image/png", kept.LogoContentType);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_removing_the_logo_clears_it_moves_the_version_on_and_is_audited_and_published(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        await settings.SetLogoAsync(Png);
        var before = (await settings.GetAsync()).Version;
        using var feed = new FeedRecorder(host.Feed);

        await settings.RemoveLogoAsync();

        var after = await settings.GetAsync();
        Assert.Equal((null, null, before + 1), (after.Logo, after.LogoContentType, after.Version));
        Assert.Equal(new Change(Topics.Settings, OrganisationSettings.SingletonId, "admin-1"), Assert.Single(feed.Changes));
        await using var db = host.Db();
        var audit = await db.Audit.OrderBy(a => a.Id).LastAsync();
        Assert.Equal(("settings.logo-removed", "Ana Admin", "admin-1"), (audit.Action, audit.ActorName, audit.UserId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_DOC_1_retiring_a_tax_rate_needs_the_manage_settings_right(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        var id = await settings.AddTaxRateAsync("IVA 7 %", 7m, "ES");

        foreach (var actor in new[] { TestActor.Office, TestActor.Sales, Actor.Anonymous })
        {
            host.Actor.Current = actor;
            await Assert.ThrowsAsync<NotAllowedException>(() => settings.RetireTaxRateAsync(id));
            await Assert.ThrowsAsync<NotAllowedException>(() => settings.RemoveLogoAsync());
        }

        host.Actor.Current = TestActor.Admin;
        Assert.Contains(await settings.TaxRatesAsync(activeOnly: true), r => r.Id == id);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_1_a_retired_rate_is_no_longer_offered_but_is_still_listed_as_retired(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        var id = await settings.AddTaxRateAsync("IVA 7 %", 7m, "ES");
        var other = await settings.AddTaxRateAsync("IVA 3 %", 3m, "ES");
        using var feed = new FeedRecorder(host.Feed);

        await settings.RetireTaxRateAsync(id);

        var offered = await settings.TaxRatesAsync(activeOnly: true);
        Assert.DoesNotContain(offered, r => r.Id == id);
        Assert.Contains(offered, r => r.Id == other);
        Assert.Equal(new TaxRateView(id, "IVA 7 %", 7m, "ES", false), Assert.Single(await settings.TaxRatesAsync(activeOnly: false), r => r.Id == id));
        Assert.Equal(new Change(Topics.Settings, id, "admin-1"), Assert.Single(feed.Changes));
        await using var db = host.Db();
        var audit = await db.Audit.OrderBy(a => a.Id).LastAsync();
        Assert.Equal(("tax-rate.retired", "Ana Admin"), (audit.Action, audit.ActorName));
        Assert.StartsWith("IVA 7 %", audit.Subject);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_1_retiring_an_unknown_rate_is_refused_and_retiring_twice_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        var id = await settings.AddTaxRateAsync("IVA 7 %", 7m, "ES");
        await settings.RetireTaxRateAsync(id);
        await using (var db = host.Db()) Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "tax-rate.retired"));

        await Expect.RefusedAsync(() => settings.RetireTaxRateAsync(id + 1000), "Error.TaxRateUnknown");
        await settings.RetireTaxRateAsync(id);

        await using (var db = host.Db()) Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "tax-rate.retired"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_DOC_1_a_rate_above_100_percent_is_refused_at_the_percent(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var settings = host.Get<SettingsService>();
        var before = (await settings.TaxRatesAsync(activeOnly: false)).Count;

        await Expect.FieldErrorAsync(() => settings.AddTaxRateAsync("Too much", 150m, "ES"), "Percent", "Error.TaxPercentRange");

        Assert.Equal(before, (await settings.TaxRatesAsync(activeOnly: false)).Count);
    }
}

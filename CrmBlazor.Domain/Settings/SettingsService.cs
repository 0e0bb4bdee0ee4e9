using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Localization;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Settings;

public sealed record TaxRateView(long Id, string Name, decimal Percent, string Country, bool IsActive);

/// <summary>Organisation settings and tax rates; changing them needs the ManageSettings right.</summary>
public sealed partial class SettingsService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock)
{
    public async Task<OrganisationSettings> GetAsync(CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        return await db.Settings.AsNoTracking().SingleAsync(ct);
    }

    public async Task<IReadOnlyList<TaxRateView>> TaxRatesAsync(bool activeOnly = true, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var q = db.TaxRates.AsNoTracking();
        if (activeOnly) q = q.Where(t => t.IsActive);
        var rates = await q.Select(t => new TaxRateView(t.Id, t.Name, t.Percent, t.Country, t.IsActive)).ToListAsync(ct);
        return rates.OrderBy(t => t.Country).ThenByDescending(t => t.Percent).ToList();
    }

    /// <summary>Saves the editable fields of <paramref name="changed"/> made from <paramref name="expectedVersion"/>.</summary>
    public async Task SaveAsync(OrganisationSettings changed, long expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageSettings);
        Validate(changed);
        await using var db = dbs.CreateDbContext();
        var s = await db.Settings.SingleAsync(ct);
        if (s.Version != expectedVersion) throw new ConcurrencyConflictException();
        s.CompanyName = changed.CompanyName.Trim();
        s.Street = changed.Street.Trim();
        s.PostalCode = changed.PostalCode.Trim();
        s.City = changed.City.Trim();
        s.Country = changed.Country.Trim();
        s.TaxId = changed.TaxId.Trim();
        s.Email = changed.Email.Trim();
        s.Phone = changed.Phone.Trim();
        s.BankAccount = changed.BankAccount.Trim();
        s.DefaultLanguage = changed.DefaultLanguage;
        s.DefaultCurrency = changed.DefaultCurrency;
        s.PaymentTermDays = changed.PaymentTermDays;
        s.LinkDaysAfterSettled = changed.LinkDaysAfterSettled;
        s.QuotePrefix = changed.QuotePrefix.Trim();
        s.DeliveryNotePrefix = changed.DeliveryNotePrefix.Trim();
        s.ProformaPrefix = changed.ProformaPrefix.Trim();
        s.InvoicePrefix = changed.InvoicePrefix.Trim();
        s.CreditNotePrefix = changed.CreditNotePrefix.Trim();
        s.Touch();
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "settings.changed", s.CompanyName));
        await db.SaveCheckedAsync(ct);
        await feed.PublishAsync(new Change(Topics.Settings, OrganisationSettings.SingletonId, actor.UserId));
    }

    public async Task SetLogoAsync(byte[] bytes, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageSettings);
        await using var db = dbs.CreateDbContext();
        var s = await db.Settings.SingleAsync(ct);
        s.SetLogo(bytes);
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "settings.logo", s.LogoContentType ?? ""));
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.Settings, OrganisationSettings.SingletonId, actor.UserId));
    }

    public async Task RemoveLogoAsync(CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageSettings);
        await using var db = dbs.CreateDbContext();
        var s = await db.Settings.SingleAsync(ct);
        if (s.Logo is null) return;
        s.RemoveLogo();
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "settings.logo-removed", s.CompanyName));
        await db.SaveCheckedAsync(ct);
        await feed.PublishAsync(new Change(Topics.Settings, OrganisationSettings.SingletonId, actor.UserId));
    }

    public async Task<long> AddTaxRateAsync(string name, decimal percent, string country, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageSettings);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("Name", "Error.Required");
        else if (name.Trim().Length > 60) errors.Add("Name", "Error.TooLong|60");
        if (percent < 0 || percent > 100 || decimal.Round(percent, 2) != percent) errors.Add("Percent", "Error.TaxPercentRange");
        if ((country ?? "").Trim() is not { Length: 2 } code || !code.All(char.IsAsciiLetter)) errors.Add("Country", "Error.CountryCode");
        errors.ThrowIfAny();
        await using var db = dbs.CreateDbContext();
        var rate = new TaxRate(name.Trim(), percent, country!.Trim().ToUpperInvariant());
        db.TaxRates.Add(rate);
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "tax-rate.added", $"{rate.Name} {percent}"));
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.Settings, rate.Id, actor.UserId));
        return rate.Id;
    }

    /// <summary>Stops offering a rate on new lines; documents keep the percentage they copied.</summary>
    public async Task RetireTaxRateAsync(long id, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.Require(ProfileRights.ManageSettings);
        await using var db = dbs.CreateDbContext();
        var rate = await db.TaxRates.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new DomainException("Error.TaxRateUnknown");
        if (!rate.IsActive) return;
        rate.Retire();
        db.Audit.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "tax-rate.retired", $"{rate.Name} {rate.Percent}"));
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new Change(Topics.Settings, rate.Id, actor.UserId));
    }

    private static void Validate(OrganisationSettings s)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(s.CompanyName)) errors.Add(nameof(s.CompanyName), "Error.Required");
        foreach (var (field, value, max) in new[]
                 {
                     (nameof(s.CompanyName), s.CompanyName, 200), (nameof(s.Street), s.Street, 200), (nameof(s.City), s.City, 200),
                     (nameof(s.Country), s.Country, 200), (nameof(s.Email), s.Email, 200), (nameof(s.PostalCode), s.PostalCode, 40),
                     (nameof(s.TaxId), s.TaxId, 40), (nameof(s.Phone), s.Phone, 40), (nameof(s.BankAccount), s.BankAccount, 100),
                 })
        {
            if (value.Trim().Length > max) errors.Add(field, $"Error.TooLong|{max}");
        }
        foreach (var (field, value) in new[]
                 {
                     (nameof(s.QuotePrefix), s.QuotePrefix), (nameof(s.DeliveryNotePrefix), s.DeliveryNotePrefix), (nameof(s.ProformaPrefix), s.ProformaPrefix),
                     (nameof(s.InvoicePrefix), s.InvoicePrefix), (nameof(s.CreditNotePrefix), s.CreditNotePrefix),
                 })
        {
            if (value.Trim().Length is 0 or > 10 || !value.Trim().All(char.IsAsciiLetterOrDigit)) errors.Add(field, "Error.PrefixInvalid");
        }
        if (!SupportedLanguages.All.Contains(s.DefaultLanguage)) errors.Add(nameof(s.DefaultLanguage), "Error.LanguageInvalid");
        if (!ClientOptions.Currencies.Contains(s.DefaultCurrency)) errors.Add(nameof(s.DefaultCurrency), "Error.CurrencyInvalid");
        if (s.PaymentTermDays is < 0 or > 365) errors.Add(nameof(s.PaymentTermDays), "Error.PaymentTermRange");
        if (s.LinkDaysAfterSettled is < 1 or > 3650) errors.Add(nameof(s.LinkDaysAfterSettled), "Error.LinkDaysRange");
        errors.ThrowIfAny();
    }
}

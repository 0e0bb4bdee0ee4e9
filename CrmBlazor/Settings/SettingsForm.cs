using CrmBlazor.Domain.Settings;

namespace CrmBlazor.Settings;

/// <summary>
/// The editable organisation settings as the page holds them. A record, so the page can tell whether
/// the user changed anything (value equality) before taking a colleague's newer values.
/// </summary>
public sealed record SettingsForm
{
    public string CompanyName { get; set; } = string.Empty;
    public string Street { get; set; } = string.Empty;
    public string PostalCode { get; set; } = string.Empty;
    public string City { get; set; } = string.Empty;
    public string Country { get; set; } = string.Empty;
    public string TaxId { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;
    public string BankAccount { get; set; } = string.Empty;
    public string DefaultLanguage { get; set; } = "en";
    public string DefaultCurrency { get; set; } = "EUR";
    public int PaymentTermDays { get; set; }
    public int LinkDaysAfterSettled { get; set; } = 30;
    public string QuotePrefix { get; set; } = string.Empty;
    public string DeliveryNotePrefix { get; set; } = string.Empty;
    public string ProformaPrefix { get; set; } = string.Empty;
    public string InvoicePrefix { get; set; } = string.Empty;
    public string CreditNotePrefix { get; set; } = string.Empty;

    public static SettingsForm From(OrganisationSettings s) => new()
    {
        CompanyName = s.CompanyName, Street = s.Street, PostalCode = s.PostalCode, City = s.City, Country = s.Country,
        TaxId = s.TaxId, Email = s.Email, Phone = s.Phone, BankAccount = s.BankAccount,
        DefaultLanguage = s.DefaultLanguage, DefaultCurrency = s.DefaultCurrency, PaymentTermDays = s.PaymentTermDays,
        LinkDaysAfterSettled = s.LinkDaysAfterSettled,
        QuotePrefix = s.QuotePrefix, DeliveryNotePrefix = s.DeliveryNotePrefix, ProformaPrefix = s.ProformaPrefix,
        InvoicePrefix = s.InvoicePrefix, CreditNotePrefix = s.CreditNotePrefix,
    };

    /// <summary>What <see cref="SettingsService.SaveAsync"/> takes: only the editable fields are read from it.</summary>
    public OrganisationSettings ToSettings() => new()
    {
        CompanyName = CompanyName ?? "", Street = Street ?? "", PostalCode = PostalCode ?? "", City = City ?? "", Country = Country ?? "",
        TaxId = TaxId ?? "", Email = Email ?? "", Phone = Phone ?? "", BankAccount = BankAccount ?? "",
        DefaultLanguage = DefaultLanguage, DefaultCurrency = DefaultCurrency, PaymentTermDays = PaymentTermDays,
        LinkDaysAfterSettled = LinkDaysAfterSettled,
        QuotePrefix = QuotePrefix ?? "", DeliveryNotePrefix = DeliveryNotePrefix ?? "", ProformaPrefix = ProformaPrefix ?? "",
        InvoicePrefix = InvoicePrefix ?? "", CreditNotePrefix = CreditNotePrefix ?? "",
    };
}

using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;

namespace CrmBlazor.Domain.Settings;

/// <summary>The organisation's own data, printed on every document (one row).</summary>
public class OrganisationSettings
{
    public const long SingletonId = 1;

    public long Id { get; private set; } = SingletonId;
    public string CompanyName { get; set; } = "My Company";
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
    public int PaymentTermDays { get; set; } = 30;
    public string QuotePrefix { get; set; } = "Q";
    public string DeliveryNotePrefix { get; set; } = "DN";
    public string ProformaPrefix { get; set; } = "PF";
    public string InvoicePrefix { get; set; } = "INV";
    public string CreditNotePrefix { get; set; } = "CN";
    /// <summary>Automatic payment reminders: days after the due date, one level each, e.g. "3,10,30".</summary>
    public string ReminderDays { get; set; } = "3,10,30";
    public bool RemindersEnabled { get; set; } = true;
    /// <summary>A public link of an invoice keeps working this many days after it is paid or cancelled (SND-3).</summary>
    public int LinkDaysAfterSettled { get; set; } = 30;
    /// <summary>The "new contact" welcome email template is on (CON-3); off, no contact gets one.</summary>
    public bool WelcomeEmailEnabled { get; set; } = true;
    /// <summary>The portal modules a new contact may use unless staff change them (CON-5).</summary>
    public Portal.PortalPermissions DefaultPortalPermissions { get; set; } = Portal.PortalPermissions.All;
    public byte[]? Logo { get; private set; }
    public string? LogoContentType { get; private set; }
    public long Version { get; private set; } = 1;

    public string PrefixFor(DocumentType type) => type switch
    {
        DocumentType.Quote => QuotePrefix,
        DocumentType.DeliveryNote => DeliveryNotePrefix,
        DocumentType.Proforma => ProformaPrefix,
        DocumentType.Invoice => InvoicePrefix,
        _ => CreditNotePrefix,
    };

    public void Touch() => Version++;

    /// <summary>Only PNG and JPEG, recognised by their first bytes (not by the name), up to 512 KB. SVG can carry scripts.</summary>
    public void SetLogo(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.Length > LogoMaxBytes) throw ValidationFailedException.For("Logo", "Error.LogoTooLarge");
        LogoContentType = SniffImage(bytes) ?? throw ValidationFailedException.For("Logo", "Error.LogoNotImage");
        Logo = bytes;
        Touch();
    }

    public void RemoveLogo()
    {
        Logo = null;
        LogoContentType = null;
        Touch();
    }

    public const int LogoMaxBytes = 512 * 1024;

    private static string? SniffImage(byte[] b)
    {
        if (b.Length > 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47) return "image/png";
        if (b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        return null;
    }
}

using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Contacts;

/// <summary>
/// "New contact" on a company's page (CON-1): the person, their link to the company, their portal access and
/// the emails that go with it. <see cref="Validate"/> states every field rule; the email is required, it is the login.
/// </summary>
public sealed class NewContactForm
{
    public string FirstName { get; set; } = string.Empty;
    public string LastName { get; set; } = string.Empty;
    public string Position { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;

    /// <summary>Empty: no password yet (the contact sets one through the set-password email).</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Ignored for a company's first contact, who is always primary (CON-2).</summary>
    public bool Primary { get; set; }

    public bool DoNotSendWelcomeEmail { get; set; }
    public bool SendSetPasswordEmail { get; set; } = true;
    public PortalPermissions Permissions { get; set; } = PortalPermissions.All;
    public ContactNotifications Notifications { get; set; } = new();

    /// <summary>The person's client record: language and currency are the company's, and so are its roles.</summary>
    public ClientForm ToClientForm(Client company) => new()
    {
        Kind = ClientKind.Person,
        FirstName = FirstName,
        LastName = LastName,
        Email = Email,
        Phone = Phone,
        Language = company.Language,
        Currency = company.Currency,
        IsCustomer = company.IsCustomer || !company.IsSupplier,
        IsSupplier = company.IsSupplier,
    };

    public void Validate(Client company)
    {
        var errors = new Dictionary<string, string>();
        try
        {
            ToClientForm(company).Validate();
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, key) in invalid.Errors) errors.TryAdd(field, key);
        }
        if (string.IsNullOrWhiteSpace(Email)) errors.TryAdd(nameof(Email), "Error.Required");
        if (Position.Trim().Length > ClientForm.ShortMax) errors.TryAdd(nameof(Position), $"Error.TooLong|{ClientForm.ShortMax}");
        if (Password.Length > 0 && Password.Length < PortalPasswords.MinLength) errors.TryAdd(nameof(Password), $"Error.PasswordTooShort|{PortalPasswords.MinLength}");
        if (Password.Length > PortalPasswords.MaxLength) errors.TryAdd(nameof(Password), $"Error.TooLong|{PortalPasswords.MaxLength}");
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }

    public NewContactForm Clone()
    {
        var copy = (NewContactForm)MemberwiseClone();
        copy.Notifications = Notifications.Copy();
        return copy;
    }
}

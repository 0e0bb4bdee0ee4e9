namespace CrmBlazor.Domain.Sending;

/// <summary>"Mail:MessageIdDomain" in appsettings.json: the right-hand side of the Message-ID of every queued email.</summary>
public sealed class MailIdentityOptions
{
    public const string Section = "Mail";

    public string MessageIdDomain { get; set; } = "crmblazor.local";
}

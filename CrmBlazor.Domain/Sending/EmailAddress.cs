using System.Net.Mail;

namespace CrmBlazor.Domain.Sending;

/// <summary>A bare address typed by staff: one address, no display name, no control characters.</summary>
public static class EmailAddress
{
    public static bool IsValid(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length is 0 or > Mail.OutboxMessage.AddressMax || text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return false;
        return MailAddress.TryCreate(text, out var parsed) && parsed.Address == text && parsed.Host.Contains('.');
    }
}

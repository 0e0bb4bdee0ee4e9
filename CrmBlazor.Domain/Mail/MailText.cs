using System.Text.RegularExpressions;

namespace CrmBlazor.Domain.Mail;

/// <summary>Text that goes into headers: one line, no control characters (no header injection).</summary>
public static partial class MailText
{
    public static string SingleLine(string? value) =>
        ControlCharacters().Replace(value ?? string.Empty, " ").Trim();

    [GeneratedRegex(@"[\p{Cc}\u2028\u2029]+")]
    private static partial Regex ControlCharacters();
}

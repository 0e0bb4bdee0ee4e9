using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Payments;

/// <summary>
/// The sandbox's test cards, as Stripe's test mode has them: 4242 4242 4242 4242 is paid, 4000 0000 0000 0002
/// is declined; any other number is refused. The expiry (MM/YY) must not be past and the CVC has 3 or 4 digits.
/// </summary>
public static class SandboxCard
{
    public const string Succeeds = "4242424242424242";
    public const string Declined = "4000000000000002";

    /// <summary>Field errors for what was typed; a valid declined card passes here and is refused by <see cref="IsDeclined"/>.</summary>
    public static void Validate(string? number, string? expiry, string? cvc, DateOnly today)
    {
        var errors = new FieldErrors();
        var digits = SearchText.DigitsOnly(number);
        if (digits.Length == 0) errors.Add("Number", "Error.Required");
        else if (digits is not (Succeeds or Declined)) errors.Add("Number", "Error.SandboxCardUnknown");
        if (!ExpiryIsValid(expiry, today)) errors.Add("Expiry", "Error.SandboxCardExpiry");
        var cvcDigits = (cvc ?? string.Empty).Trim();
        if (cvcDigits.Length is < 3 or > 4 || !cvcDigits.All(char.IsAsciiDigit)) errors.Add("Cvc", "Error.SandboxCardCvc");
        errors.ThrowIfAny();
    }

    public static bool IsDeclined(string? number) => SearchText.DigitsOnly(number) == Declined;

    private static bool ExpiryIsValid(string? expiry, DateOnly today)
    {
        var parts = (expiry ?? string.Empty).Replace(" ", "", StringComparison.Ordinal).Split('/');
        if (parts.Length != 2 || parts[0].Length != 2 || parts[1].Length is not (2 or 4)) return false;
        if (!int.TryParse(parts[0], out var month) || !int.TryParse(parts[1], out var year) || month is < 1 or > 12) return false;
        if (year < 100) year += 2000;
        return year > today.Year || (year == today.Year && month >= today.Month);
    }
}

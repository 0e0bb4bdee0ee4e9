using System.Globalization;
using CrmBlazor.Domain.Localization;

namespace CrmBlazor.Documents;

/// <summary>
/// "Invoice INV-2026-0007" or "Quote (draft)" as a format argument: a sentence picks the form of the type's name
/// it needs, so "Wyślij {0:accusative} e-mailem" reads "Wyślij fakturę FV/2026/0007 e-mailem".
/// </summary>
public sealed class DocumentName(NounForms type, string? number, string draftOf) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var name = type.ToString(format, formatProvider);
        return number is null ? string.Format(formatProvider, draftOf, name) : $"{name} {number}";
    }

    public override string ToString() => ToString(null, CultureInfo.CurrentCulture);

    /// <summary>Where a plain string is wanted (a page title, a history line), the nominative.</summary>
    public static implicit operator string(DocumentName name) => name.ToString();
}

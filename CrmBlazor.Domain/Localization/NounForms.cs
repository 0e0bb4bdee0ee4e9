namespace CrmBlazor.Domain.Localization;

/// <summary>
/// A name (a document type) as a format argument: the sentence picks the form it needs, so "{0:accusative}"
/// in a Polish text gives "fakturę" and a plain "{0}" gives "Faktura". Also carries the grammatical gender
/// that other words agree with (a status badge: "Opłacona" for a faktura).
/// </summary>
public sealed class NounForms(TextEntry entry) : IFormattable
{
    /// <summary>"masculine", "feminine", or null in a language without grammatical gender.</summary>
    public string? Gender => entry.Forms.GetValueOrDefault(TextEntry.Gender);

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.IsNullOrEmpty(format) ? entry.Default : entry.Form(format);

    public override string ToString() => entry.Default;
}

using System.Globalization;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Localization;
using CrmBlazor.Localization;

namespace CrmBlazor.Documents;

/// <summary>How documents read on screen: money in the document's currency and the user's culture, labels, links.</summary>
public static class DocumentText
{
    /// <summary>An amount in minor units (cents) as money of <paramref name="currency"/>, in the current culture's pattern.</summary>
    public static string Money(long minor, string currency) => MoneyFormat.Format(minor, currency, CultureInfo.CurrentCulture);

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.CurrentCulture) + " %";

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>"INV-2026-0007", or "Draft" for a document not issued yet.</summary>
    public static string Number(string? number, Text t) => number ?? t["Documents.Draft"];

    /// <summary>"Invoice INV-2026-0007" or "Quote (draft)"; a sentence may ask for another form ("{0:accusative}").</summary>
    public static DocumentName Label(DocumentType type, string? number, Text t) => new(TypeName(type, t), number, t["Documents.DraftOf"]);

    /// <summary>The name of a document type, in the form a sentence asks for.</summary>
    public static NounForms TypeName(DocumentType type, Text t) => t.Noun("DocumentType." + type);

    /// <summary>A status badge's word, agreeing with the document's type where the language wants it ("Opłacona" for a faktura).</summary>
    public static string Status(DocumentStatus status, DocumentType? type, Text t) =>
        type is { } known ? t.Agreeing("DocumentStatus." + status, TypeName(known, t)) : t["DocumentStatus." + status];

    public static string Href(long id) => $"/documents/{id}";
}

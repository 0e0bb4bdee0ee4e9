using System.Globalization;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Localization;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Localization;

namespace CrmBlazor.Documents.Pdf;

/// <summary>
/// What every piece of a document sheet needs: the document, the organisation, the client, and texts,
/// money and dates in the DOCUMENT's language and currency (not the UI's).
/// </summary>
public sealed class SheetContext
{
    private readonly Text _texts;

    public SheetContext(DocumentDetails document, OrganisationSettings settings, ClientForm? client, Text texts)
    {
        Document = document;
        Settings = settings;
        Client = client;
        _texts = texts;
        Culture = SupportedLanguages.CultureOf(document.Language);
    }

    public DocumentDetails Document { get; }
    public OrganisationSettings Settings { get; }
    public ClientForm? Client { get; }
    public CultureInfo Culture { get; }
    public string Language => Document.Language;

    public string this[string key] => _texts.Get(Language, key);

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    public string Title => this["DocumentType." + Document.Type];

    public bool IsDraft => Document.Status == DocumentStatus.Draft;

    public string Money(long minor) => MoneyFormat.Format(minor, Document.Currency, Culture);

    public string Date(DateOnly date) => date.ToString("d", Culture);

    public string Quantity(decimal quantity) => quantity.ToString("#,0.###", Culture);

    public string Percent(decimal percent) => percent.ToString("0.##", Culture) + "\u00a0%";

    public string? LogoDataUri => Settings.Logo is { Length: > 0 } logo && Settings.LogoContentType is { } type
        ? $"data:{type};base64,{Convert.ToBase64String(logo)}"
        : null;
}

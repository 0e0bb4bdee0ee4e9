using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Sending;

namespace CrmBlazor.Sending.Public;

/// <summary>The public document page as rendered: the document, the visitor's forms and what to say above them.</summary>
public sealed record PublicPageModel(string Token, PublicDocumentView View, SheetContext Sheet, PublicForms Forms)
{
    public string Path => "/d/" + Token;
}

/// <summary>
/// The forms' state: the antiforgery field, which forms to show, the values typed and the messages of a
/// refused post (already translated into the document's language), and a notice such as "already accepted".
/// </summary>
public sealed record PublicForms(string AntiforgeryField, string AntiforgeryToken, bool ShowPay)
{
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
    public string? Notice { get; init; }
    /// <summary>Which form the values and errors belong to: "accept" or "reject".</summary>
    public string? Posted { get; init; }

    public string Value(string field) => Values.GetValueOrDefault(field, string.Empty);
    public string? Error(string field) => Errors.GetValueOrDefault(field);
}

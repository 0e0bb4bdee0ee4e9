using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Localization;

namespace CrmBlazor.Domain.Documents;

/// <summary>A draft as the editor sends it: header and lines.</summary>
public sealed class DocumentForm
{
    public const int MaxLines = 1000;
    public const int NotesMax = 4000;

    public DocumentType Type { get; set; }
    public long ClientId { get; set; }
    public long? ContactId { get; set; }
    public string Language { get; set; } = "en";
    public string Currency { get; set; } = "EUR";
    public DateOnly IssueDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string Notes { get; set; } = string.Empty;
    public List<LineInput> Lines { get; set; } = [];

    public void Validate()
    {
        var errors = new FieldErrors();
        if (ClientId <= 0) errors.Add(nameof(ClientId), "Error.Required");
        if (!SupportedLanguages.All.Contains(Language)) errors.Add(nameof(Language), "Error.LanguageInvalid");
        if (!ClientOptions.Currencies.Contains(Currency)) errors.Add(nameof(Currency), "Error.CurrencyInvalid");
        if (Notes.Trim().Length > NotesMax) errors.Add(nameof(Notes), $"Error.TooLong|{NotesMax}");
        if (DueDate is { } due && due < IssueDate) errors.Add(nameof(DueDate), "Error.DateBeforeIssue");
        if (ValidUntil is { } until && until < IssueDate) errors.Add(nameof(ValidUntil), "Error.DateBeforeIssue");
        if (Lines.Count == 0) errors.Add(nameof(Lines), "Error.NoLines");
        if (Lines.Count > MaxLines) errors.Add(nameof(Lines), $"Error.TooManyLines|{MaxLines}");
        else for (var i = 0; i < Lines.Count; i++) Lines[i].Check(errors, i);
        errors.ThrowIfAny();
    }
}

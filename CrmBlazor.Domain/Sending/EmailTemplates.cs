using System.Globalization;
using System.Text;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Localization;

namespace CrmBlazor.Domain.Sending;

/// <summary>
/// Subject and body templates of document emails, the "Email." texts of the catalogue (<c>email.{lang}.json</c>),
/// with placeholders such as {number}, {client}, {total}, {due}, {valid}, {date}, {balance}, {overdue} and {organisation}.
/// </summary>
public static class EmailTemplates
{
    public const string KeyPrefix = "Email.";

    public static string Get(string language, string key) => TextCatalogue.Default.Get(language, KeyPrefix + key);

    /// <summary>Replaces each {name} with its value; unknown placeholders stay as typed.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(template);
        foreach (var (name, value) in values) sb.Replace("{" + name + "}", value);
        return sb.ToString();
    }

    /// <summary>The placeholder values of a document, formatted in the document's language (money as on its PDF).</summary>
    public static Dictionary<string, string> Values(Document d, string clientName, string organisation, DateOnly today)
    {
        var culture = SupportedLanguages.CultureOf(d.Language);
        string Money(long minor) => MoneyFormat.Format(minor, d.Currency, culture);
        string Date(DateOnly? date) => date?.ToString("d", culture) ?? string.Empty;
        var daysOverdue = d.DueDate is { } due ? Math.Max(0, today.DayNumber - due.DayNumber) : 0;
        return new Dictionary<string, string>
        {
            ["number"] = d.Number ?? string.Empty,
            ["client"] = clientName,
            ["organisation"] = organisation,
            ["total"] = Money(d.TotalMinor),
            ["balance"] = Money(d.BalanceMinor),
            ["date"] = Date(d.IssueDate),
            ["due"] = Date(d.DueDate),
            ["valid"] = Date(d.ValidUntil),
            ["overdue"] = TextCatalogue.Default.Plural(d.Language, KeyPrefix + "DaysOverdue", daysOverdue)
                .Replace("{days}", daysOverdue.ToString(culture), StringComparison.Ordinal),
        };
    }
}

using System.Globalization;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Localization;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Localization;

/// <summary>
/// The catalogue's texts in the current UI culture of the request or circuit (NF-1). Components use
/// <c>T["Key"]</c>, <c>T.Plural("Key", count)</c> and <c>T.Noun("DocumentType.Invoice")</c>; it is also the
/// <see cref="IStringLocalizer"/> of the app, so code written to that interface reads the same texts.
/// </summary>
public class Text(TextCatalogue catalogue) : IStringLocalizer
{
    public Text() : this(TextCatalogue.Default) { }

    public TextCatalogue Catalogue => catalogue;

    public static string Language => SupportedLanguages.Of(CultureInfo.CurrentUICulture);

    public string this[string key] => catalogue.Get(Language, key);

    public string this[string key, params object?[] args] =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>The form of <paramref name="key"/> for <paramref name="count"/>, formatted with <paramref name="args"/> (just the count when none).</summary>
    public string Plural(string key, long count, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, catalogue.Plural(Language, key, count), args.Length == 0 ? [count] : args);

    public NounForms Noun(string key) => catalogue.Noun(Language, key);

    public string Agreeing(string key, NounForms noun) => catalogue.Agreeing(Language, key, noun);

    public string Get(string language, string key) => catalogue.Get(language, key);

    public bool Has(string language, string key) => catalogue.Has(language, key);

    public IEnumerable<string> Keys(string language) => catalogue.Keys(language);

    /// <summary>
    /// A domain message key, with its arguments after '|' (e.g. "Error.TooLong|200").
    /// A message with plural forms is counted by its first argument.
    /// </summary>
    public string Message(string keyWithArgs, params object?[] more)
    {
        var parts = keyWithArgs.Split('|');
        object?[] args = [.. parts.Skip(1), .. more];
        if (args.Length == 0) return this[parts[0]];
        return catalogue.Entry(Language, parts[0])?.IsPlural == true && long.TryParse(Convert.ToString(args[0], CultureInfo.InvariantCulture),
            NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? Plural(parts[0], count, args)
            : this[parts[0], args];
    }

    public string Message(DomainException error) => Message(error.MessageKey, error.Args);

    LocalizedString IStringLocalizer.this[string name] =>
        new(name, this[name], resourceNotFound: !catalogue.Has(Language, name) && !catalogue.Has(SupportedLanguages.Default, name));

    LocalizedString IStringLocalizer.this[string name, params object[] arguments]
    {
        get
        {
            var text = ((IStringLocalizer)this)[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    IEnumerable<LocalizedString> IStringLocalizer.GetAllStrings(bool includeParentCultures) =>
        catalogue.Keys(Language).Select(k => new LocalizedString(k, this[k]));
}

using Microsoft.Extensions.Localization;

namespace CrmBlazor.Localization;

/// <summary>
/// <see cref="IStringLocalizer{T}"/> and <see cref="IStringLocalizerFactory"/> over the one catalogue: there are no
/// per-class resource files, so every type and base name reads the same texts.
/// </summary>
public sealed class TextLocalizer<TResource>(Text text) : Text(text.Catalogue), IStringLocalizer<TResource>;

public sealed class TextLocalizerFactory(Text text) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => text;

    public IStringLocalizer Create(string baseName, string location) => text;
}

public static class TextLocalizerExtensions
{
    /// <summary>Plural forms through <see cref="IStringLocalizer"/>: the form of <paramref name="key"/> for <paramref name="count"/>.</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object?[] args) =>
        localizer is Text text
            ? new LocalizedString(key, text.Plural(key, count, args))
            : localizer[key, args.Length == 0 ? [count] : args.Cast<object>().ToArray()];

    public static IServiceCollection AddTextLocalization(this IServiceCollection services)
    {
        services.AddSingleton<Text>();
        services.AddSingleton<IStringLocalizerFactory, TextLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(TextLocalizer<>));
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<Text>());
        return services;
    }
}

using CrmBlazor.Domain.Localization;

namespace CrmBlazor.Sending.Public;

/// <summary>The language of a page that belongs to no document (the neutral "not available"): the browser's choice, else English.</summary>
public static class PublicLanguage
{
    public static string FromRequest(HttpRequest request)
    {
        var wanted = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1.0)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant());
        return wanted.FirstOrDefault(l => l is not null && SupportedLanguages.IsSupported(l)) ?? SupportedLanguages.Default;
    }
}

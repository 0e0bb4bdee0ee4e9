using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CrmBlazor.Localization;

/// <summary>The four UI cultures; numbers, dates and money follow the same culture as the texts.</summary>
public static class CultureSetup
{
    public static readonly IReadOnlyDictionary<string, string> SpecificCultures = new Dictionary<string, string>
    {
        ["en"] = "en-GB",
        ["es"] = "es-ES",
        ["fr"] = "fr-FR",
        ["pl"] = "pl-PL",
    };

    public static string Specific(string language) =>
        SpecificCultures.TryGetValue(language, out var c) ? c : SpecificCultures["en"];

    public static IApplicationBuilder UseCrmLocalization(this IApplicationBuilder app)
    {
        var cultures = SpecificCultures.Values.Select(c => new CultureInfo(c)).ToList();
        return app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en-GB"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        });
    }

    public static void WriteCultureCookie(HttpResponse response, string language)
    {
        var culture = Specific(language);
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }
}

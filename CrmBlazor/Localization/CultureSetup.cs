using CrmBlazor.Domain.Localization;
using Microsoft.AspNetCore.Localization;

namespace CrmBlazor.Localization;

/// <summary>The request culture of the UI; numbers, dates and money follow the same culture as the texts.</summary>
public static class CultureSetup
{
    public static IApplicationBuilder UseCrmLocalization(this IApplicationBuilder app)
    {
        var cultures = SupportedLanguages.AllCultures.ToList();
        return app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(SupportedLanguages.CultureOf(SupportedLanguages.Default)),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        });
    }

    public static void WriteCultureCookie(HttpResponse response, string language)
    {
        var culture = SupportedLanguages.CultureOf(language);
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }
}

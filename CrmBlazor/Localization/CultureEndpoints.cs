using CrmBlazor.Domain.Localization;
using CrmBlazor.Domain.Users;
using Microsoft.AspNetCore.Mvc;

namespace CrmBlazor.Localization;

public static class CultureEndpoints
{
    /// <summary>
    /// Switching language is a full round trip: the culture cookie is read when a circuit starts,
    /// so the page reloads in the new language. The choice is also kept on the user's profile.
    /// </summary>
    public static void MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", async ([FromQuery] string lang, [FromQuery] string? redirect, HttpContext http, UserAdminService users) =>
        {
            if (!SupportedLanguages.IsSupported(lang)) return Results.BadRequest();
            CultureSetup.WriteCultureCookie(http.Response, lang);
            if (http.User.Identity?.IsAuthenticated == true) await users.SetMyCultureAsync(lang);
            return Results.LocalRedirect(IsLocal(redirect) ? redirect! : "/");
        });
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

using System.Globalization;
using System.Security.Claims;
using CrmBlazor.Domain.Localization;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Localization;
using CrmBlazor.Sending.Public;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace CrmBlazor.Portal;

/// <summary>
/// The client portal's own sign-in (POR-1): a cookie scheme apart from the staff one, sent only to /portal
/// URLs, so a portal session never opens a staff page and a staff session never opens the portal.
/// Every portal request re-checks the session against the database (<see cref="PortalSessions"/>): an
/// archived client's contacts are out at their next request (ARC-2).
/// </summary>
public static class PortalAuth
{
    public const string Scheme = "Portal";
    public const string Policy = "Portal";
    public const string CookieName = ".CrmBlazor.Portal";
    public const string AccountClaim = "portal:account";
    public const string StampClaim = "portal:stamp";
    private const string ContactItem = "portal:contact";

    public static AuthenticationBuilder AddPortalCookie(this AuthenticationBuilder auth) =>
        auth.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.Path = "/portal";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/portal/login";
            o.AccessDeniedPath = "/portal/login";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnValidatePrincipal = ValidateAsync;
        });

    public static void AddPortalPolicy(this AuthorizationOptions options) =>
        options.AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());

    /// <summary>The signed-in contact of this request, as checked against the database.</summary>
    public static PortalContact Contact(HttpContext http) =>
        http.Items[ContactItem] as PortalContact ?? throw new InvalidOperationException("Not a signed-in portal request");

    public static PortalContact? ContactOrNull(HttpContext http) => http.Items[ContactItem] as PortalContact;

    public static Task SignInAsync(HttpContext http, long accountId, string securityStamp)
    {
        var identity = new ClaimsIdentity(
            [new Claim(AccountClaim, accountId.ToString(CultureInfo.InvariantCulture)), new Claim(StampClaim, securityStamp)],
            Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>The portal's group of URLs that need a signed-in contact.</summary>
    public static RouteGroupBuilder MapPortalGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/portal").RequireAuthorization(Policy);

    /// <summary>Portal pages speak the contact's language; the sign-in pages the browser's (NF-1).</summary>
    public static IApplicationBuilder UsePortalCulture(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/portal"))
            {
                // Open pages (sign-in, set-password) still know a signed-in contact: authenticating sets the item.
                if (ContactOrNull(http) is null) await http.AuthenticateAsync(Scheme);
                var language = ContactOrNull(http)?.Language ?? PublicLanguage.FromRequest(http.Request);
                var culture = SupportedLanguages.CultureOf(language);
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
            }
            await next();
        });

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var contact = long.TryParse(principal?.FindFirstValue(AccountClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var accountId)
            ? await context.HttpContext.RequestServices.GetRequiredService<PortalSessions>()
                .ResolveAsync(accountId, principal!.FindFirstValue(StampClaim) ?? string.Empty, context.HttpContext.RequestAborted)
            : null;
        if (contact is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }
        context.HttpContext.Items[ContactItem] = contact;
    }
}

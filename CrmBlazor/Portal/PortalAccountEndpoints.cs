using CrmBlazor.Domain.Portal;
using CrmBlazor.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBlazor.Portal;

/// <summary>The portal's sign-in, sign-out and start page (POR-1), as plain endpoints rendering static components.</summary>
public static class PortalAccountEndpoints
{
    public static IEndpointRouteBuilder MapPortalAccount(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/login", LoginPageAsync).AllowAnonymous();
        app.MapPost("/portal/login", LoginAsync).AllowAnonymous();
        app.MapPost("/portal/logout", LogoutAsync).AllowAnonymous();
        app.MapPortalGroup().MapGet("", HomeAsync);
        return app;
    }

    private static async Task<IResult> LoginPageAsync(HttpContext http, PortalSessions sessions, string? returnUrl, string? n)
    {
        if (PortalAuth.ContactOrNull(http) is not null) return Results.Redirect("/portal");
        var texts = http.RequestServices.GetRequiredService<Text>();
        var notice = n switch
        {
            "signed-out" => texts["Portal.Login.SignedOut"],
            "password-set" => texts["Portal.Login.PasswordSet"],
            _ => null,
        };
        return await RenderLoginAsync(http, sessions, string.Empty, error: null, notice, LocalReturnUrl(returnUrl));
    }

    private static async Task<IResult> LoginAsync(HttpContext http, PortalSignIn signIn, PortalSessions sessions, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(ct);
        var email = form["Email"].ToString();
        var result = await signIn.SignInAsync(email, form["Password"].ToString(), ct);
        if (result.Outcome == PortalSignInOutcome.SignedIn)
        {
            await PortalAuth.SignInAsync(http, result.AccountId, result.SecurityStamp);
            return Results.Redirect(LocalReturnUrl(form["ReturnUrl"].ToString()) ?? "/portal");
        }
        var texts = http.RequestServices.GetRequiredService<Text>();
        var error = result.Outcome == PortalSignInOutcome.LockedOut ? texts["Portal.Login.LockedOut"] : texts["Portal.Login.Refused"];
        return await RenderLoginAsync(http, sessions, email, error, notice: null, LocalReturnUrl(form["ReturnUrl"].ToString()), StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        await PortalAuth.SignOutAsync(http);
        return Results.Redirect("/portal/login?n=signed-out");
    }

    private static async Task<IResult> HomeAsync(HttpContext http, PortalSessions sessions, CancellationToken ct)
    {
        var page = PortalPage.For(http, await OrganisationNameAsync(sessions, ct), PortalSections.Home);
        return new RazorComponentResult<PortalHomePage>(new Dictionary<string, object?> { [nameof(PortalHomePage.Page)] = page });
    }

    private static async Task<IResult> RenderLoginAsync(HttpContext http, PortalSessions sessions, string email, string? error, string? notice, string? returnUrl,
        int status = StatusCodes.Status200OK)
    {
        var page = PortalPage.For(http, await OrganisationNameAsync(sessions, http.RequestAborted), PortalSections.Account);
        return new RazorComponentResult<PortalLoginPage>(new Dictionary<string, object?>
        {
            [nameof(PortalLoginPage.Page)] = page with { Contact = null },
            [nameof(PortalLoginPage.Email)] = email,
            [nameof(PortalLoginPage.Error)] = error,
            [nameof(PortalLoginPage.Notice)] = notice,
            [nameof(PortalLoginPage.ReturnUrl)] = returnUrl,
        })
        { StatusCode = status };
    }

    /// <summary>Only a portal path of this site: never an open redirect, never into staff pages.</summary>
    private static string? LocalReturnUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith("/portal", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\')
            ? url : null;

    public static Task<string> OrganisationNameAsync(PortalSessions sessions, CancellationToken ct) => sessions.OrganisationNameAsync(ct);
}

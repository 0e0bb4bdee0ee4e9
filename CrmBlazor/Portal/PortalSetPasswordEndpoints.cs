using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Localization;
using CrmBlazor.Sending.Public;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBlazor.Portal;

/// <summary>
/// The set-password link (CON-4) and "send me a new link", as plain pages with posts that redirect. Every way a
/// link can fail shows the same page, and asking for a link always gets the same answer (no address is revealed).
/// </summary>
public static class PortalSetPasswordEndpoints
{
    public static IEndpointRouteBuilder MapPortalSetPassword(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/set-password").AddEndpointFilter(PublicGuard.FilterAsync).AllowAnonymous();
        pages.MapGet("", RequestPageAsync);
        pages.MapPost("", RequestAsync);
        pages.MapGet("/{token}", PageAsync);
        pages.MapPost("/{token}", SetAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(string token, HttpContext http, SetPasswordService links, PortalSessions sessions, CancellationToken ct) =>
        await links.IsUsableAsync(token, ct)
            ? await RenderAsync(http, sessions, PortalSetPasswordState.Form, token)
            : await NoLongerWorksAsync(http, sessions);

    private static async Task<IResult> SetAsync(string token, HttpContext http, SetPasswordService links, PortalSessions sessions, IAntiforgery antiforgery,
        CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(ct);
        try
        {
            if (!await links.SetAsync(token, form["Password"].ToString(), form["Repeat"].ToString(), ct)) return await NoLongerWorksAsync(http, sessions);
        }
        catch (ValidationFailedException invalid)
        {
            var texts = http.RequestServices.GetRequiredService<Text>();
            var errors = invalid.Errors.ToDictionary(e => e.Key, e => texts.Message(e.Value));
            return await RenderAsync(http, sessions, PortalSetPasswordState.Form, token, errors: errors, status: StatusCodes.Status400BadRequest);
        }
        // A session signed in with the old password has ended; the contact signs in with the new one.
        await PortalAuth.SignOutAsync(http);
        return SeeOther(http, "/portal/login?n=password-set");
    }

    private static async Task<IResult> RequestPageAsync(HttpContext http, PortalSessions sessions, string? n) =>
        await RenderAsync(http, sessions, n == "sent" ? PortalSetPasswordState.Sent : PortalSetPasswordState.Request);

    private static async Task<IResult> RequestAsync(HttpContext http, SetPasswordService links, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(ct);
        await links.RequestNewLinkAsync(form["Email"].ToString(), ct);
        return SeeOther(http, "/portal/set-password?n=sent");
    }

    /// <summary>Used, expired, unknown, or its account gone: one page, counted as a miss against the address like a public link.</summary>
    private static Task<IResult> NoLongerWorksAsync(HttpContext http, PortalSessions sessions)
    {
        http.RequestServices.GetRequiredService<PublicMissLimiter>().RecordMiss(PublicGuard.Address(http));
        return RenderAsync(http, sessions, PortalSetPasswordState.NoLongerWorks, status: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, PortalSessions sessions, PortalSetPasswordState state, string? token = null,
        IReadOnlyDictionary<string, string>? errors = null, int status = StatusCodes.Status200OK)
    {
        var page = PortalPage.For(http, await sessions.OrganisationNameAsync(http.RequestAborted), PortalSections.Account);
        return new RazorComponentResult<PortalSetPasswordPage>(new Dictionary<string, object?>
        {
            [nameof(PortalSetPasswordPage.Page)] = page with { Contact = null },
            [nameof(PortalSetPasswordPage.State)] = state,
            [nameof(PortalSetPasswordPage.Token)] = token,
            [nameof(PortalSetPasswordPage.Errors)] = errors ?? new Dictionary<string, string>(),
        })
        { StatusCode = status };
    }

    private static IResult SeeOther(HttpContext http, string location)
    {
        http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}

public enum PortalSetPasswordState
{
    Form,
    NoLongerWorks,
    Request,
    Sent,
}

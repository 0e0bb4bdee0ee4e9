using CrmBlazor.Domain.Sending;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CrmBlazor.Hosting;

/// <summary>
/// The Blazor hub (/_blazor: negotiate, WebSocket, long polling) answers only pages of this site. A browser sends
/// Origin on every cross-site connection attempt, and the staff cookie (SameSite Lax) would ride along on a
/// WebSocket opened by another site's script; such a connection gets 403. No Origin header: not a browser, allowed.
/// WebSocketOptions.AllowedOrigins would cover only the WebSocket upgrade, not negotiate or long polling.
/// </summary>
public static class BlazorHubOrigin
{
    public const string HubPath = "/_blazor";

    public static IApplicationBuilder UseBlazorHubOriginCheck(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments(HubPath)) return next(http);
            var origin = http.Request.Headers[HeaderNames.Origin].ToString();
            if (origin.Length == 0 || IsOwnOrigin(http, origin)) return next(http);
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });

    /// <summary>The request's own scheme and host (the scheme as the trusted proxy reported it), or Sending:PublicBaseUrl's origin.</summary>
    public static bool IsOwnOrigin(HttpContext http, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var claimed)) return false; // also "null" (sandboxed frames, file:)
        var publicBase = http.RequestServices.GetRequiredService<IOptions<SendingOptions>>().Value.PublicBaseUrl;
        return SameOrigin(claimed, $"{http.Request.Scheme}://{http.Request.Host.Value}")
               || SameOrigin(claimed, publicBase);
    }

    private static bool SameOrigin(Uri claimed, string candidate) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var own)
        && claimed.Scheme == own.Scheme
        && string.Equals(claimed.Host, own.Host, StringComparison.OrdinalIgnoreCase)
        && claimed.Port == own.Port;
}

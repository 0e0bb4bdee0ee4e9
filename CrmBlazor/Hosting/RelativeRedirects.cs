using Microsoft.Net.Http.Headers;

namespace CrmBlazor.Hosting;

/// <summary>
/// Redirects within the site leave as paths ("/account/login?..."), never as absolute URLs: the cookie handler and
/// Blazor's server-side navigation build theirs from the request's Host header, which the client chooses. With
/// AllowedHosts "*" a request carrying "Host: evil.example" would otherwise be sent to evil.example.
/// </summary>
public static class RelativeRedirects
{
    /// <summary>The header Blazor's enhanced navigation reads instead of Location.</summary>
    public const string EnhancedNavigationHeader = "blazor-enhanced-nav-redirect-location";

    public static IApplicationBuilder UseRelativeRedirects(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                MakeRelative(context, HeaderNames.Location);
                MakeRelative(context, EnhancedNavigationHeader);
                return Task.CompletedTask;
            }, http);
            return next(http);
        });

    private static void MakeRelative(HttpContext http, string header)
    {
        var value = http.Response.Headers[header].ToString();
        // On Linux "/path" parses as an absolute file: URI, hence the scheme check.
        if (value.Length == 0 || !Uri.TryCreate(value, UriKind.Absolute, out var target)
            || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
            || !string.Equals(target.Host, http.Request.Host.Host, StringComparison.OrdinalIgnoreCase))
            return; // a relative path already, or another site on purpose (a payment gateway)
        // "//x" would be read by a browser as another host.
        http.Response.Headers[header] = "/" + (target.PathAndQuery + target.Fragment).TrimStart('/', '\\');
    }
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBlazor.Sending.Public;

/// <summary>What every public URL shares: privacy headers, the per-address miss limit, and the neutral miss page.</summary>
public static class PublicGuard
{
    /// <summary>A customer's own page (public link or portal): never cached, indexed or framed, and no script runs on it.</summary>
    public static void WritePrivateHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store, max-age=0";
        headers.Pragma = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        // No script at all; inline styles for the sheet; the logo is a data: URI. No form-action: Pay may redirect to a gateway.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";
    }

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        WritePrivateHeaders(http.Response);

        var limiter = http.RequestServices.GetRequiredService<PublicMissLimiter>();
        var address = Address(http);
        if (limiter.IsBlocked(address))
        {
            http.Response.Headers.RetryAfter = limiter.RetryAfterSeconds(address).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return NotAvailable(http, StatusCodes.Status429TooManyRequests);
        }
        return await next(context);
    }

    /// <summary>Counts a miss against the address and answers with the one neutral page (404).</summary>
    public static IResult Miss(HttpContext http)
    {
        http.RequestServices.GetRequiredService<PublicMissLimiter>().RecordMiss(Address(http));
        return NotAvailable(http, StatusCodes.Status404NotFound);
    }

    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult NotAvailable(HttpContext http, int status)
    {
        if (HttpMethods.IsHead(http.Request.Method)) return Results.StatusCode(status);
        return new RazorComponentResult<NotAvailablePage>(new Dictionary<string, object?>
        {
            [nameof(NotAvailablePage.Language)] = PublicLanguage.FromRequest(http.Request),
            [nameof(NotAvailablePage.TooMany)] = status == StatusCodes.Status429TooManyRequests,
        })
        { StatusCode = status };
    }
}

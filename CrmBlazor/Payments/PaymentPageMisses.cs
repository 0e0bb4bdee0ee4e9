using CrmBlazor.Domain.Payments;
using CrmBlazor.Sending.Public;

namespace CrmBlazor.Payments;

/// <summary>
/// Answers a GET of a payment page whose link, attempt or checkout does not exist with the neutral 404 page of every
/// public miss (counted by the miss limit), before Blazor routes the page: in .NET 10 a status set while a routed
/// component renders reaches the browser with an empty body.
/// </summary>
public static class PaymentPageMisses
{
    public static IApplicationBuilder UsePaymentPageMisses(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) && await ExistsAsync(http) == false)
        {
            await PublicGuard.Miss(http).ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    /// <returns>Whether the page's subject exists; null when the path is not a payment page.</returns>
    private static async Task<bool?> ExistsAsync(HttpContext http)
    {
        var segments = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var payments = http.RequestServices.GetRequiredService<PublicPayments>();
        var ct = http.RequestAborted;
        return segments switch
        {
            ["d", var token, "payment"] => await payments.GetPayPageAsync(token, ct) is not null,
            ["d", var token, "payment", var id] => long.TryParse(id, out var attempt) && await payments.GetAttemptAsync(token, attempt, ct) is not null,
            ["pay", "sandbox", var reference] => await payments.GetSandboxCheckoutAsync(reference, ct) is not null,
            _ => null,
        };
    }
}

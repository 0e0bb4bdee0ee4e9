using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Payments;

namespace CrmBlazor.Payments;

/// <summary>
/// The public side of paying (SND-5): the Pay form's post, which sends the client to the gateway, and the tiny
/// status the waiting page polls. No login: the link token is the key.
/// </summary>
public static class PaymentEndpoints
{
    public static void MapPayments(this IEndpointRouteBuilder app)
    {
        // Binding the form makes the endpoint demand a valid antiforgery token (UseAntiforgery).
        app.MapPost("/d/{token}/pay", async (string token, IFormCollection form, PaymentService payments, HttpContext http, CancellationToken ct) =>
        {
            _ = form;
            var page = PayPage.Path(token);
            try
            {
                var started = await payments.StartCheckoutAsync(token, http.Connection.RemoteIpAddress?.ToString() ?? string.Empty, ct);
                return started is null ? Results.Redirect(page) : Results.Redirect(started.RedirectUrl.ToString());
            }
            catch (DomainException ex)
            {
                // The pay page says why, in the reader's language; it only shows payment refusal messages.
                return Results.Redirect($"{page}?error={Uri.EscapeDataString(ex.MessageKey)}");
            }
        });

        app.MapGet("/d/{token}/payment/{attemptId:long}/status", async (string token, long attemptId, PublicPayments pages, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var attempt = await pages.GetAttemptAsync(token, attemptId, ct);
            return attempt is null ? Results.NotFound() : Results.Json(new { state = attempt.Status.ToString().ToLowerInvariant() });
        });

        app.MapStripeWebhook();
    }
}

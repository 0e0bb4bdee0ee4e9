using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Portal;

/// <summary>
/// The document page's forms in the portal: what they show (pay, the typed text and its error after a refused post)
/// and what the page says above them (already answered, how a payment stands, why it could not start).
/// </summary>
public sealed record PortalDocumentForms(bool ShowPay)
{
    public string? Posted { get; init; }
    public string Value { get; init; } = string.Empty;
    public string? Error { get; init; }
    public string? Notice { get; init; }
    public bool AlreadyAnswered { get; init; }
    public PortalPaymentState? Payment { get; init; }
    public string? ErrorKey { get; init; }
}

/// <summary>Accept and reject posted from the portal's document page, and that page's rendering.</summary>
internal static class PortalDocumentAnswers
{
    public static async Task<IResult> PostAsync(HttpContext http, long id, IAntiforgery antiforgery, string posted,
        Func<PortalContact, IFormCollection, Task<AnswerOutcome?>> answer, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(ct);
        var contact = PortalAuth.Contact(http);
        try
        {
            var outcome = await answer(contact, form);
            if (outcome is null) return await PortalModuleEndpoints.NotAvailableAsync(http);
            http.Response.Headers.Location = $"/portal/documents/{id}" + (outcome.AlreadyAnswered ? "?n=already" : string.Empty);
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }
        catch (DomainException error)
        {
            var view = await http.RequestServices.GetRequiredService<PortalDocuments>().PeekAsync(contact, id, ct);
            if (view is null) return await PortalModuleEndpoints.NotAvailableAsync(http);
            var texts = http.RequestServices.GetRequiredService<Text>();
            var invalid = error as ValidationFailedException;
            return await RenderAsync(http, view, f => f with
            {
                Posted = posted,
                Value = form["Comment"].ToString(),
                Error = invalid?.Errors.GetValueOrDefault("Comment") is { } key ? texts.Message(key) : null,
                Notice = invalid is null ? texts.Message(error) : null,
            }, invalid is null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
    }

    public static Task<IResult> RenderAsync(HttpContext http, PublicDocumentView view, Func<PortalDocumentForms, PortalDocumentForms> forms,
        int status = StatusCodes.Status200OK)
    {
        var services = http.RequestServices;
        var payments = services.GetRequiredService<IOptions<Domain.Payments.PaymentOptions>>().Value;
        var sheet = new SheetContext(view.Document, view.Organisation, view.Client, services.GetRequiredService<Text>());
        var state = forms(new PortalDocumentForms(payments.IsConfigured && view.CanBePaid));
        return PortalModuleEndpoints.RenderAsync<PortalDocumentPage>(http, PortalSections.Documents, new()
        {
            [nameof(PortalDocumentPage.View)] = view,
            [nameof(PortalDocumentPage.Sheet)] = sheet,
            [nameof(PortalDocumentPage.Forms)] = state,
        }, status);
    }
}

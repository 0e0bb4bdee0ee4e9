using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Sending.Public;

/// <summary>
/// The public document page (SND-3, SND-4) as plain endpoints rendering static components: no circuit per
/// visitor. GET and HEAD read (GET records the view), POSTs act, each behind antiforgery, and redirect back.
/// </summary>
public static class PublicDocumentEndpoints
{
    public static IEndpointRouteBuilder MapPublicDocuments(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/d/{token}").AddEndpointFilter(PublicGuard.FilterAsync).AllowAnonymous();
        pages.MapMethods("", [HttpMethods.Get, HttpMethods.Head], PageAsync);
        pages.MapMethods("/pdf", [HttpMethods.Get, HttpMethods.Head], PdfAsync);
        pages.MapPost("/accept", (string token, HttpContext http, PublicDocumentService docs, IAntiforgery antiforgery, CancellationToken ct) =>
            AnswerAsync(token, http, docs, antiforgery, "accept", form => docs.AcceptAsync(token, form["Name"].ToString(), form["Comment"].ToString(), PublicGuard.Address(http), ct), ct));
        pages.MapPost("/reject", (string token, HttpContext http, PublicDocumentService docs, IAntiforgery antiforgery, CancellationToken ct) =>
            AnswerAsync(token, http, docs, antiforgery, "reject", form => docs.RejectAsync(token, form["Reason"].ToString(), PublicGuard.Address(http), form["Name"].ToString(), ct), ct));
        return app;
    }

    private static async Task<IResult> PageAsync(string token, HttpContext http, PublicDocumentService docs, CancellationToken ct)
    {
        // HEAD (mail scanners, link previews) must not count as a view.
        if (HttpMethods.IsHead(http.Request.Method))
            return await docs.PeekAsync(token, ct) is null ? PublicGuard.Miss(http) : Results.Text(string.Empty, "text/html; charset=utf-8");
        var view = await docs.OpenAsync(token, PublicGuard.Address(http), http.Request.Headers.UserAgent.ToString(), ct);
        if (view is null) return PublicGuard.Miss(http);
        var already = http.Request.Query["n"] == "already";
        return Render(http, token, view, (sheet, f) => f with { Notice = already && view.Answer is { } answer ? AlreadyNotice(sheet, answer) : null });
    }

    private static async Task<IResult> PdfAsync(string token, HttpContext http, PublicDocumentService docs, DocumentPdfService pdfs, Text texts, CancellationToken ct)
    {
        var view = await docs.PeekAsync(token, ct);
        if (view is null) return PublicGuard.Miss(http);
        var name = DocumentPdfService.FileName(view.Document);
        if (HttpMethods.IsHead(http.Request.Method)) return Results.File(Array.Empty<byte>(), "application/pdf", name);
        var bytes = await docs.StoredPdfAsync(token, ct)
            ?? (await pdfs.PrintAsync(new DocumentSheetData(view.Document, view.Organisation, view.Client), ct)).Bytes;
        return Results.File(bytes, "application/pdf", name);
    }

    private static async Task<IResult> AnswerAsync(string token, HttpContext http, PublicDocumentService docs, IAntiforgery antiforgery, string posted,
        Func<IFormCollection, Task<AnswerOutcome?>> answer, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(ct);
        try
        {
            var outcome = await answer(form);
            if (outcome is null) return PublicGuard.Miss(http);
            // Post/redirect/get: a reload shows the page, it does not post again.
            http.Response.Headers.Location = "/d/" + token + (outcome.AlreadyAnswered ? "?n=already" : string.Empty);
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }
        catch (DomainException error)
        {
            var view = await docs.PeekAsync(token, ct);
            if (view is null) return PublicGuard.Miss(http);
            var values = form.Keys.Where(k => k is "Name" or "Comment" or "Reason").ToDictionary(k => k, k => form[k].ToString());
            var invalid = error as ValidationFailedException;
            return Render(http, token, view, (sheet, f) => f with
            {
                Posted = posted, Values = values,
                Errors = invalid?.Errors.ToDictionary(e => e.Key, e => Message(sheet, e.Value)) ?? [],
                Notice = invalid is null ? Message(sheet, error.MessageKey, error.Args) : null,
            }, invalid is null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
    }

    private static RazorComponentResult Render(HttpContext http, string token, PublicDocumentView view, Func<SheetContext, PublicForms, PublicForms> forms, int status = StatusCodes.Status200OK)
    {
        var services = http.RequestServices;
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var payments = services.GetRequiredService<IOptions<PaymentOptions>>().Value;
        var sheet = new SheetContext(view.Document, view.Organisation, view.Client, services.GetRequiredService<Text>());
        var state = forms(sheet, new PublicForms(tokens.FormFieldName, tokens.RequestToken!, payments.IsConfigured && view.CanBePaid));
        var model = new PublicPageModel(token, view, sheet, state);
        return new RazorComponentResult<PublicDocumentPage>(new Dictionary<string, object?> { [nameof(PublicDocumentPage.Model)] = model })
        {
            StatusCode = status,
        };
    }

    /// <summary>"Already accepted on … by …": what a second tab, a double click or a lost race is told.</summary>
    private static string AlreadyNotice(SheetContext sheet, PublicAnswer answer)
    {
        var on = sheet.Date(DateOnly.FromDateTime(answer.At));
        return answer.Status == Domain.Documents.DocumentStatus.Accepted
            ? sheet.Format("Public.Already.Accepted", on, answer.Name)
            : sheet.Format("Public.Already.Rejected", on);
    }

    /// <summary>A domain message key ("Error.TooLong|200") in the document's language.</summary>
    private static string Message(SheetContext sheet, string keyWithArgs, params object[] more)
    {
        var parts = keyWithArgs.Split('|');
        object?[] args = [.. parts.Skip(1), .. more];
        return args.Length == 0 ? sheet[parts[0]] : sheet.Format(parts[0], args);
    }
}

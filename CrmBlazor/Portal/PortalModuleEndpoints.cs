using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Sending.Public;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBlazor.Portal;

/// <summary>
/// The portal's modules: documents, shared matters, support (POR-2), each behind its permission (CON-5), as plain
/// endpoints rendering static components. The services decide what the contact may see; whatever they refuse, and
/// whatever does not exist, gets the same neutral 404 page. Posts carry antiforgery and redirect (post/redirect/get).
/// </summary>
public static class PortalModuleEndpoints
{
    public static IEndpointRouteBuilder MapPortalModules(this IEndpointRouteBuilder app)
    {
        var portal = app.MapPortalGroup().AddEndpointFilter(PrivateHeadersAsync);
        portal.MapGet("/documents", DocumentsAsync);
        portal.MapGet("/documents/{id:long}", DocumentAsync);
        portal.MapGet("/documents/{id:long}/pdf", PdfAsync);
        portal.MapPost("/documents/{id:long}/accept", (long id, HttpContext http, PortalDocuments docs, IAntiforgery antiforgery, CancellationToken ct) =>
            PortalDocumentAnswers.PostAsync(http, id, antiforgery, "accept", (contact, form) => docs.AcceptAsync(contact, id, form["Comment"].ToString(), Address(http), ct), ct));
        portal.MapPost("/documents/{id:long}/reject", (long id, HttpContext http, PortalDocuments docs, IAntiforgery antiforgery, CancellationToken ct) =>
            PortalDocumentAnswers.PostAsync(http, id, antiforgery, "reject", (contact, form) => docs.RejectAsync(contact, id, form["Comment"].ToString(), Address(http), ct), ct));
        portal.MapPost("/documents/{id:long}/pay", PayAsync);
        portal.MapGet("/matters", MattersAsync);
        portal.MapGet("/matters/{id:long}", MatterAsync);
        portal.MapGet("/support", SupportAsync);
        portal.MapPost("/support", PostSupportAsync);
        return app;
    }

    private static async Task<IResult> DocumentsAsync(HttpContext http, PortalDocuments docs, string? after, CancellationToken ct)
    {
        var page = await docs.ListAsync(PortalAuth.Contact(http), PortalDocumentCursor.Parse(after), ct);
        if (page is null) return await NotAvailableAsync(http);
        return await RenderAsync<PortalDocumentsPage>(http, PortalSections.Documents, new() { [nameof(PortalDocumentsPage.Documents)] = page });
    }

    private static async Task<IResult> DocumentAsync(long id, HttpContext http, PortalDocuments docs, long? payment, string? n, string? error, CancellationToken ct)
    {
        var contact = PortalAuth.Contact(http);
        var view = await docs.OpenAsync(contact, id, ct);
        if (view is null) return await NotAvailableAsync(http);
        var paid = payment is { } attempt ? await docs.PaymentAsync(contact, id, attempt, ct) : null;
        return await PortalDocumentAnswers.RenderAsync(http, view, forms => forms with
        {
            Payment = paid,
            AlreadyAnswered = n == "already",
            // Only the payment refusals the pay post redirects with; never an arbitrary text from the URL.
            ErrorKey = error is { } key && key.StartsWith("Error.Payment", StringComparison.Ordinal) || error is "Error.DocumentNotPayable" ? error : null,
        });
    }

    private static async Task<IResult> PdfAsync(long id, HttpContext http, PortalDocuments docs, DocumentPdfService pdfs, CancellationToken ct)
    {
        var contact = PortalAuth.Contact(http);
        var view = await docs.PeekAsync(contact, id, ct);
        if (view is null) return await NotAvailableAsync(http);
        var bytes = await docs.StoredPdfAsync(contact, id, ct)
            ?? (await pdfs.PrintAsync(new DocumentSheetData(view.Document, view.Organisation, view.Client), ct)).Bytes;
        return Results.File(bytes, "application/pdf", DocumentPdfService.FileName(view.Document));
    }

    private static async Task<IResult> PayAsync(long id, HttpContext http, PortalDocuments docs, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        try
        {
            var started = await docs.StartCheckoutAsync(PortalAuth.Contact(http), id, Address(http), ct);
            return started is null ? await NotAvailableAsync(http) : Results.Redirect(started.RedirectUrl.ToString());
        }
        catch (DomainException ex)
        {
            return Results.Redirect($"/portal/documents/{id}?error={Uri.EscapeDataString(ex.MessageKey)}");
        }
    }

    private static async Task<IResult> MattersAsync(HttpContext http, PortalMatters matters, CancellationToken ct)
    {
        var rows = await matters.ListAsync(PortalAuth.Contact(http), ct);
        if (rows is null) return await NotAvailableAsync(http);
        return await RenderAsync<PortalMattersPage>(http, PortalSections.Matters, new() { [nameof(PortalMattersPage.Matters)] = rows });
    }

    private static async Task<IResult> MatterAsync(long id, HttpContext http, PortalMatters matters, CancellationToken ct)
    {
        var matter = await matters.GetAsync(PortalAuth.Contact(http), id, ct);
        if (matter is null) return await NotAvailableAsync(http);
        return await RenderAsync<PortalMatterPage>(http, PortalSections.Matters, new() { [nameof(PortalMatterPage.Matter)] = matter });
    }

    private static async Task<IResult> SupportAsync(HttpContext http, PortalSupport support, string? n, CancellationToken ct)
    {
        var thread = await support.ThreadAsync(PortalAuth.Contact(http), ct);
        if (thread is null) return await NotAvailableAsync(http);
        return await RenderAsync<PortalSupportPage>(http, PortalSections.Support, new()
        {
            [nameof(PortalSupportPage.Thread)] = thread,
            [nameof(PortalSupportPage.Sent)] = n == "sent",
        });
    }

    private static async Task<IResult> PostSupportAsync(HttpContext http, PortalSupport support, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var contact = PortalAuth.Contact(http);
        var body = (await http.Request.ReadFormAsync(ct))["Body"].ToString();
        try
        {
            if (!await support.PostAsync(contact, body, ct)) return await NotAvailableAsync(http);
            http.Response.Headers.Location = "/portal/support?n=sent#support-form";
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }
        catch (ValidationFailedException invalid)
        {
            var thread = await support.ThreadAsync(contact, ct);
            if (thread is null) return await NotAvailableAsync(http);
            return await RenderAsync<PortalSupportPage>(http, PortalSections.Support, new()
            {
                [nameof(PortalSupportPage.Thread)] = thread,
                [nameof(PortalSupportPage.Body)] = body,
                [nameof(PortalSupportPage.Error)] = invalid.Errors.GetValueOrDefault("Body"),
            }, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>One answer for a refusal and for a miss: 404, the same neutral words, inside the portal's frame.</summary>
    internal static Task<IResult> NotAvailableAsync(HttpContext http) =>
        RenderAsync<PortalNotAvailablePage>(http, PortalSections.Home, [], StatusCodes.Status404NotFound);

    internal static async Task<IResult> RenderAsync<TPage>(HttpContext http, string section, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var sessions = http.RequestServices.GetRequiredService<PortalSessions>();
        parameters["Page"] = PortalPage.For(http, await PortalAccountEndpoints.OrganisationNameAsync(sessions, http.RequestAborted), section);
        return new RazorComponentResult<TPage>(parameters) { StatusCode = status };
    }

    internal static string Address(HttpContext http) => PublicGuard.Address(http);

    /// <summary>A customer's own records: the public pages' private headers.</summary>
    private static ValueTask<object?> PrivateHeadersAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        PublicGuard.WritePrivateHeaders(context.HttpContext.Response);
        return next(context);
    }
}

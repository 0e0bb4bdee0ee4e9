using System.Net;
using CrmBlazor.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CrmBlazor.Documents.Pdf;

/// <summary>Turns a document into the full HTML page and the footer Chromium prints (DOC-5).</summary>
public sealed class DocumentHtmlRenderer(IServiceProvider services, ILoggerFactory loggers, Text texts)
{
    public async Task<PdfJob> RenderAsync(DocumentSheetData data)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PdfPage.Document)] = data.Document,
                [nameof(PdfPage.Settings)] = data.Settings,
                [nameof(PdfPage.Client)] = data.Client,
            });
            var output = await renderer.RenderComponentAsync<PdfPage>(parameters);
            return output.ToHtmlString();
        });
        return new PdfJob("<!DOCTYPE html>" + html, Footer(data));
    }

    /// <summary>
    /// "Page x of y" in the document's language, with the number on the left. Chromium fills the
    /// pageNumber/totalPages spans; the template has no page CSS, so font and size are inline.
    /// </summary>
    private string Footer(DocumentSheetData data)
    {
        var words = WebUtility.HtmlEncode(texts.Get(data.Document.Language, "Pdf.PageOf"))
            .Replace("{0}", "<span class=\"pageNumber\"></span>", StringComparison.Ordinal)
            .Replace("{1}", "<span class=\"totalPages\"></span>", StringComparison.Ordinal);
        var title = texts.Get(data.Document.Language, "DocumentType." + data.Document.Type);
        var label = WebUtility.HtmlEncode(data.Document.Number is { } n ? $"{title} {n}" : title);
        return "<div style=\"font-family:'DejaVu Sans',sans-serif;font-size:8px;color:#6b7685;width:100%;margin:0 14mm;" +
               $"display:flex;justify-content:space-between\"><span>{label}</span><span>{words}</span></div>";
    }
}

using System.Net;
using System.Net.Sockets;
using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Pdf;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Documents.Pdf;

/// <summary>DOC-5: printing fetches nothing, stored PDFs are reused until the document changes, a dead browser is replaced.</summary>
[Collection(PrinterCollection.Name)]
public sealed class DocumentPdfPrintingTests(PrinterFixture fixture)
{
    [Fact]
    public async Task DOC_5_printing_makes_no_network_request_even_for_markup_in_a_description()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            var tag = $"<img src=http://127.0.0.1:{port}/probe>";
            await using var host = await PdfHost.CreateAsync(fixture.Printer);
            var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company());
            var id = await host.Get<DocumentService>().CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId, f => f.Lines[0].Description = $"Hull {tag}"));

            var text = PdfText.All((await host.Get<DocumentPdfService>().GetAsync(id))!.Bytes);
            // Even raw markup handed straight to the printer loads nothing: every request is aborted.
            await fixture.Printer.PrintAsync(new PdfJob(
                $"<html><head><link rel=stylesheet href=http://127.0.0.1:{port}/css></head><body>{tag}" +
                $"<iframe src=http://127.0.0.1:{port}/frame></iframe><p style=\"background:url(http://127.0.0.1:{port}/bg)\">x</p></body></html>",
                "<span></span>"));
            await Task.Delay(300);

            Assert.Contains(tag.Replace(" ", ""), text.Replace(" ", ""));
            Assert.False(probe.Pending(), "Chromium connected to the probe while printing");

            // The probe does see a connection when one is made, so the check above means something.
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            await Task.Delay(100);
            Assert.True(probe.Pending());
        }
        finally
        {
            probe.Stop();
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_5_an_issued_documents_pdf_is_stored_and_made_again_only_after_the_document_changes(DatabaseProvider provider)
    {
        var printer = new CountingPrinter(fixture.Printer);
        await using var host = await PdfHost.CreateAsync(printer, provider);
        var clients = host.Get<ClientService>();
        var first = await clients.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var second = await clients.CreateAsync(ClientBuilder.Company("Varadero Sur SA"));
        var documents = host.Get<DocumentService>();
        var id = await documents.CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, first));
        var pdfs = host.Get<DocumentPdfService>();

        await pdfs.GetAsync(id);
        await pdfs.GetAsync(id);
        Assert.Equal(2, printer.Count); // drafts are printed every time...
        await using (var db = host.Db()) Assert.False(await db.DocumentPdfs.AnyAsync()); // ...and never stored

        var number = await documents.IssueAsync(id);
        var issued = await pdfs.GetAsync(id);
        var again = await pdfs.GetAsync(id);
        Assert.Equal(3, printer.Count);
        Assert.Equal(issued!.Bytes, again!.Bytes);
        Assert.Equal($"{number}.pdf", issued.FileName);

        var version = (await documents.GetAsync(id))!.Version;
        await documents.ChangeClientAsync(id, second, null, version);
        var changed = await pdfs.GetAsync(id);
        Assert.Equal(4, printer.Count);
        Assert.Contains("Varadero Sur SA", PdfText.All(changed!.Bytes));
        await pdfs.GetAsync(id);
        Assert.Equal(4, printer.Count);

        await using var check = host.Db();
        var stored = await check.DocumentPdfs.SingleAsync();
        Assert.Equal((await documents.GetAsync(id))!.Version, stored.DocumentVersion);
        Assert.Equal(changed.Bytes, stored.Bytes);
    }

    [Fact]
    public async Task DOC_5_the_printer_launches_a_new_browser_when_chromium_goes_away()
    {
        await using var printer = PrinterFixture.NewPrinter(pages: 1);
        var job = new PdfJob("<html><body style=\"font-family:'DejaVu Sans'\">Factura después</body></html>", "<span></span>");
        await printer.PrintAsync(job);

        await printer.Browser!.CloseAsync();
        var pdf = await printer.PrintAsync(job);

        Assert.Contains("Factura después", PdfText.All(pdf));
        Assert.True(printer.Browser!.IsConnected);
    }
}

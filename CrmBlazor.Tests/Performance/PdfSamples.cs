using System.Diagnostics;
using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Pdf;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// Prints one document of each type (and a draft) to docs/screenshots/pdf-&lt;type&gt;.png (page 1, pdftoppm -r 60),
/// so a reviewer sees the layout. Run by scripts/bench.sh with the benchmarks.
/// </summary>
[Collection(PrinterCollection.Name)]
[Trait("Category", "Performance")]
public sealed class PdfSamples(PrinterFixture fixture)
{
    [Fact]
    public async Task DOC_5_sample_pdf_of_every_type_for_the_docs()
    {
        await using var host = await PdfHost.CreateAsync(fixture.Printer);
        await SampleData.OrganisationAsync(host);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company("Astillero Peñalara SL", c =>
        {
            c.Street = "Muelle de la Ribera 4"; c.PostalCode = "48001";
        }));
        var documents = host.Get<DocumentService>();
        var ids = new Dictionary<string, long>();
        foreach (var (type, language) in new[] { (DocumentType.Quote, "es"), (DocumentType.DeliveryNote, "fr"), (DocumentType.Proforma, "pl"), (DocumentType.Invoice, "en") })
        {
            var id = await documents.CreateDraftAsync(await SampleData.FormAsync(host, type, clientId, language, 6));
            await documents.IssueAsync(id);
            ids[type.ToString()] = id;
        }
        var credit = await documents.ConvertAsync([ids["Invoice"]], DocumentType.CreditNote);
        await documents.IssueAsync(credit);
        ids["CreditNote"] = credit;
        ids["Draft"] = await documents.CreateDraftAsync(await SampleData.FormAsync(host, DocumentType.Invoice, clientId, "fr", 3));

        var folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Bench.ResultsFile()))!, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (name, id) in ids)
        {
            var file = Path.Combine(folder, $"pdf-{Kebab(name)}");
            await File.WriteAllBytesAsync(file + ".pdf", (await host.Get<DocumentPdfService>().GetAsync(id))!.Bytes);
            using var ppm = Process.Start("pdftoppm", ["-png", "-r", "60", "-f", "1", "-singlefile", file + ".pdf", file])!;
            await ppm.WaitForExitAsync();
            File.Delete(file + ".pdf");
            Assert.True(File.Exists(file + ".png"), $"pdftoppm made no {file}.png (apt-get install -y poppler-utils)");
        }
    }

    private static string Kebab(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>Realistic organisation and documents for the PDF samples and benchmarks.</summary>
public static class SampleData
{
    public static async Task OrganisationAsync(DomainHost host)
    {
        var settings = host.Get<SettingsService>();
        var s = await settings.GetAsync();
        s.CompanyName = "Náutica Cantábrica SL"; s.Street = "Calle del Puerto 12"; s.PostalCode = "39004"; s.City = "Santander";
        s.Country = "España"; s.TaxId = "ESB39012345"; s.Email = "facturas@nautica.example"; s.Phone = "+34 942 000 111";
        s.BankAccount = "ES91 2100 0418 4502 0005 1332";
        await settings.SaveAsync(s, s.Version);
        var logo = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Bench.ResultsFile())))!, "CrmBlazor", "wwwroot", "favicon.png");
        await settings.SetLogoAsync(await File.ReadAllBytesAsync(logo));
    }

    public static async Task<DocumentForm> FormAsync(DomainHost host, DocumentType type, long clientId, string language, int lines)
    {
        var rates = await host.Get<SettingsService>().TaxRatesAsync();
        string[] items = ["Reparación del casco y calafateado", "Pintura antiincrustante (2 capas)", "Revisión del motor fueraborda",
                          "Sustitución de ánodos de zinc", "Amarre en pantalán, mes de noviembre", "Transporte y varada con grúa"];
        return await DocumentBuilder.FormAsync(host, type, clientId, f =>
        {
            f.Language = language;
            f.Currency = language == "pl" ? "PLN" : "EUR";
            f.Notes = "Trabajos realizados en el varadero de Santander.";
            f.Lines = Enumerable.Range(0, lines).Select(i => new LineInput
            {
                Description = items[i % items.Length] + (i >= items.Length ? $" ({i + 1})" : ""), Quantity = 1 + i % 4, Unit = i % 2 == 0 ? "h" : "ud",
                UnitPriceMinor = 35_00 + i * 12_50, DiscountPercent = i % 3 == 2 ? 10 : 0,
                TaxRateId = DocumentBuilder.Rate(rates, i % 3 == 1 ? 10m : 21m, "ES"),
            }).ToList();
        });
    }
}

using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support;

/// <summary>Forms and lines for pure document tests: no database, three made-up tax rates.</summary>
public static class DocumentData
{
    public const long Rate21 = 1, Rate10 = 2, Rate5_5 = 3, Rate0 = 4;

    public static readonly IReadOnlyDictionary<long, decimal> Rates =
        new Dictionary<long, decimal> { [Rate21] = 21m, [Rate10] = 10m, [Rate5_5] = 5.5m, [Rate0] = 0m };

    public static readonly DateOnly Today = new(2026, 11, 26);
    public static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    public static LineInput Line(long rateId = Rate21, decimal quantity = 1m, long unitPriceMinor = 100_00, decimal discount = 0m, string description = "Servicio") =>
        new() { Description = description, Quantity = quantity, UnitPriceMinor = unitPriceMinor, DiscountPercent = discount, TaxRateId = rateId };

    public static DocumentForm Form(DocumentType type = DocumentType.Invoice, params LineInput[] lines) => new()
    {
        Type = type, ClientId = 1, Language = "es", Currency = "EUR", IssueDate = Today,
        DueDate = type.HasDueDate() ? Today.AddDays(30) : null, ValidUntil = type.HasValidUntil() ? Today.AddDays(30) : null,
        Lines = lines.Length == 0 ? [Line()] : lines.ToList(),
    };

    public static Document Draft(DocumentForm form) => Document.CreateDraft(form, Rates, Now);
}

/// <summary>Row counts of the tables a document change writes: "nothing half-saved" compares two of them.</summary>
public sealed record DocumentCounts(int Documents, int Lines, int Relations, int History);

/// <summary>Documents made through the services, and what tests inspect behind their back.</summary>
public static class DocumentHostData
{
    public static DocumentService Documents(this DomainHost host) => host.Get<DocumentService>();

    public static async Task<long> DraftAsync(this DomainHost host, DocumentType type, long clientId, Action<DocumentForm>? change = null) =>
        await host.Documents().CreateDraftAsync(await DocumentBuilder.FormAsync(host, type, clientId, change));

    public static async Task<long> IssuedAsync(this DomainHost host, DocumentType type, long clientId, Action<DocumentForm>? change = null)
    {
        var id = await host.DraftAsync(type, clientId, change);
        await host.Documents().IssueAsync(id);
        return id;
    }

    public static async Task<DocumentDetails> DetailsAsync(this DomainHost host, long id) =>
        await host.Documents().GetAsync(id) ?? throw new InvalidOperationException($"document {id} not found");

    public static async Task<long> RateAsync(this DomainHost host, decimal percent, string country = "ES") =>
        DocumentBuilder.Rate(await host.Get<SettingsService>().TaxRatesAsync(), percent, country);

    public static async Task<DocumentCounts> DocumentCountsAsync(this DomainHost host)
    {
        await using var db = host.Db();
        return new DocumentCounts(await db.Documents.CountAsync(), await db.DocumentLines.CountAsync(),
            await db.DocumentRelations.CountAsync(), await db.History.CountAsync());
    }

    /// <summary>Changes the organisation settings as the current actor, from the stored version.</summary>
    public static async Task ChangeSettingsAsync(this DomainHost host, Action<OrganisationSettings> change)
    {
        var settings = host.Get<SettingsService>();
        var current = await settings.GetAsync();
        change(current);
        await settings.SaveAsync(current, current.Version);
    }

    /// <summary>Every page of the document list, following the cursors; fails if the walk does not end.</summary>
    public static async Task<List<List<DocumentRow>>> PagesAsync(this DomainHost host, DocumentListRequest request)
    {
        var pages = new List<List<DocumentRow>>();
        var list = host.Get<DocumentList>();
        while (true)
        {
            Assert.True(pages.Count < 1000, "paging never ends");
            var page = await list.ListAsync(request);
            Assert.True(page.Rows.Count <= request.PageSize);
            pages.Add(page.Rows.ToList());
            if (page.Next is null) return pages;
            request = request with { After = page.Next };
        }
    }
}

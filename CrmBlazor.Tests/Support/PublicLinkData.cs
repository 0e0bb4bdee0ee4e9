using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support;

/// <summary>Row counts and versions a public page must leave alone when it is only read or refused.</summary>
public sealed record PublicFootprint(int Views, int History, int LinkViews, string Documents);

/// <summary>Public links made through the staff service, and what tests inspect behind the public page's back.</summary>
public static class PublicLinkData
{
    public const string Ip = "203.0.113.7";

    public static PublicDocumentService Public(this DomainHost host) => host.Get<PublicDocumentService>();

    /// <summary>A new link as staff make it; the token is the last segment of the URL they copy.</summary>
    public static async Task<string> PublicLinkAsync(this DomainHost host, long documentId, string recipient = "")
    {
        var created = await host.Get<PublicLinkService>().CreateAsync(documentId, recipient);
        return created.Url[(created.Url.LastIndexOf('/') + 1)..];
    }

    public static async Task<Document> StoredDocumentAsync(this DomainHost host, long id)
    {
        await using var db = host.Db();
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    public static async Task<PublicFootprint> FootprintAsync(this DomainHost host)
    {
        await using var db = host.Db();
        var documents = await db.Documents.OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Status}:{d.Version}:{d.ViewedAt}:{d.RespondedAt}").ToListAsync();
        return new PublicFootprint(await db.PublicLinks.SumAsync(l => l.Views), await db.History.CountAsync(),
            await db.PublicLinkViews.CountAsync(), string.Join(";", documents));
    }

    /// <summary>Pays a document in full behind the services' back (the payment service is another feature's).</summary>
    public static async Task PayAsync(this DomainHost host, long id)
    {
        await using var db = host.Db();
        var document = await db.Documents.SingleAsync(d => d.Id == id);
        document.ApplyPayment(document.BalanceMinor, host.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public static async Task<int> HistoryCountAsync(this DomainHost host, CrmBlazor.Domain.History.HistoryKind kind)
    {
        await using var db = host.Db();
        return await db.History.CountAsync(h => h.Kind == kind);
    }
}

using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Sending;

/// <summary>A document's public links as staff see them (SND-3): who got one, its views, revoking and making a new one.</summary>
public sealed class PublicLinkService(CrmDbContextFactory dbs, ICurrentActor actors, ChangeFeed feed, TimeProvider clock, IOptions<SendingOptions> sending)
{
    public async Task<DocumentLinks> GetAsync(long documentId, CancellationToken ct = default)
    {
        (await actors.GetAsync()).RequireStaff();
        await using var db = dbs.CreateDbContext();
        var document = await DocumentAsync(db, documentId, ct);
        var links = await db.PublicLinks.AsNoTracking().Where(l => l.DocumentId == documentId).OrderByDescending(l => l.Id).Take(100)
            .Select(l => new PublicLinkRow(l.Id, l.RecipientEmail, l.CreatedAt, l.Views, l.FirstViewedAt, l.LastViewedAt, l.RevokedAt))
            .ToListAsync(ct);
        return new DocumentLinks(links, document.ViewedAt, PublicAnswer.Of(document));
    }

    /// <summary>Revokes every live link of the document; returns how many.</summary>
    public async Task<int> RevokeAllAsync(long documentId, CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var document = await DocumentAsync(db, documentId, ct);
        var links = await db.PublicLinks.Where(l => l.DocumentId == documentId && l.RevokedAt == null).ToListAsync(ct);
        if (links.Count == 0) return 0;
        foreach (var link in links) link.Revoke(now);
        db.Record(document.ClientId, HistoryKind.PublicLinksRevoked, actor, now, links.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PublicDocumentService.Event(document, string.Join(", ", links.Select(l => l.RecipientEmail).Where(e => e.Length > 0).Distinct()), string.Empty, string.Empty));
        await db.SaveChangesAsync(ct);
        await PublishAsync(document, actor);
        return links.Count;
    }

    /// <summary>
    /// A new link for staff to copy and hand over. The URL is returned this once: only its hash is kept.
    /// A draft has no public page; a cancelled document's links would only say "not available".
    /// </summary>
    public async Task<NewPublicLink> CreateAsync(long documentId, string recipientEmail = "", CancellationToken ct = default)
    {
        var actor = await actors.GetAsync();
        actor.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = dbs.CreateDbContext();
        var document = await DocumentAsync(db, documentId, ct);
        if (document.Status is DocumentStatus.Draft or DocumentStatus.Cancelled) throw new DomainException("Error.PublicLinkNeedsIssued");
        var (link, token) = PublicLink.Create(documentId, recipientEmail ?? string.Empty, actor.UserId ?? string.Empty, now);
        db.PublicLinks.Add(link);
        db.Record(document.ClientId, HistoryKind.PublicLinkCreated, actor, now, link.RecipientEmail,
            PublicDocumentService.Event(document, link.RecipientEmail, string.Empty, string.Empty));
        await db.SaveChangesAsync(ct);
        await PublishAsync(document, actor);
        return new NewPublicLink(link.Id, sending.Value.LinkTo(PublicPath(token)).ToString());
    }

    /// <summary>The path of a document's public page for a token (SND-3).</summary>
    public static string PublicPath(string token) => "d/" + token;

    private static async Task<Document> DocumentAsync(CrmDbContext db, long documentId, CancellationToken ct) =>
        await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new DomainException("Error.DocumentNotFound");

    private async Task PublishAsync(Document document, Actor actor)
    {
        await feed.PublishAsync(new Change(PublicTopics.Link, document.Id, actor.UserId, document.ClientId));
        await feed.PublishAsync(new Change(Topics.History, null, actor.UserId, document.ClientId));
    }
}

public sealed record PublicLinkRow(long Id, string RecipientEmail, DateTime CreatedAt, int Views, DateTime? FirstViewedAt, DateTime? LastViewedAt, DateTime? RevokedAt);

/// <summary>The links panel of a document page: its links, when it was first viewed, and the answer that stands.</summary>
public sealed record DocumentLinks(IReadOnlyList<PublicLinkRow> Links, DateTime? ViewedAt, PublicAnswer? Answer);

public sealed record NewPublicLink(long Id, string Url);

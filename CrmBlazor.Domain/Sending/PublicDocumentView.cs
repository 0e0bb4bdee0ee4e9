using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;

namespace CrmBlazor.Domain.Sending;

/// <summary>What the public page of a document shows (SND-3): the sheet's data and what the visitor may do.</summary>
public sealed record PublicDocumentView(
    DocumentDetails Document,
    OrganisationSettings Organisation,
    ClientForm? Client,
    DocumentStatus Status,
    PublicAnswer? Answer,
    bool CanBeAnswered,
    bool CanBePaid,
    long PaidMinor,
    long BalanceMinor);

/// <summary>An acceptance or rejection (SND-4): when, who (the typed name), from where, and the comment or reason.</summary>
public sealed record PublicAnswer(DocumentStatus Status, DateTime At, string Name, string Comment, string From)
{
    /// <summary>
    /// The answer while the document still stands answered. Once it moves on (paid, cancelled) the page shows
    /// that status instead, and the history keeps the answer.
    /// </summary>
    public static PublicAnswer? Of(Document d) => d.RespondedAt is { } at && d.Status is DocumentStatus.Accepted or DocumentStatus.Rejected
        ? new PublicAnswer(d.Status, at, d.ResponseName, d.ResponseComment, d.ResponseFrom)
        : null;
}

/// <summary>The outcome of Accept or Reject on a public page: done now, or done before (by someone else, or a double click).</summary>
public sealed record AnswerOutcome(bool AlreadyAnswered, PublicAnswer Answer);

/// <summary>The history details of a view, an answer or a link change; <paramref name="ViaPortal"/>: done by a contact in the client portal.</summary>
public sealed record PublicLinkEvent(long DocumentId, DocumentType Type, string? Number, string Recipient, string From, string Comment, bool ViaPortal = false);

public static class PublicTopics
{
    /// <summary>A public link was made, revoked or viewed: the document's links panel reloads.</summary>
    public const string Link = "public-link";
}

namespace CrmBlazor.Domain.Sending;

/// <summary>
/// A link that lets someone without an account see a document and act on it (SND-3). Only the SHA-256
/// of its token is stored; the token itself exists in the email and nowhere else. One link per
/// recipient of a sending, so views can be told apart; staff can revoke links and make a new one.
/// </summary>
public class PublicLink
{
    public long Id { get; private set; }
    public long DocumentId { get; private set; }
    public string TokenHash { get; private set; } = string.Empty;
    /// <summary>Who the link was mailed to; empty for a link staff made to copy and hand over.</summary>
    public string RecipientEmail { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime? RevokedAt { get; private set; }
    public DateTime? FirstViewedAt { get; private set; }
    public DateTime? LastViewedAt { get; private set; }
    public int Views { get; private set; }

    private PublicLink() { }

    public static (PublicLink Link, string Token) Create(long documentId, string recipientEmail, string createdByUserId, DateTime now)
    {
        var token = PublicLinkToken.New();
        return (new PublicLink
        {
            DocumentId = documentId,
            TokenHash = PublicLinkToken.Hash(token),
            RecipientEmail = recipientEmail.Trim(),
            CreatedByUserId = createdByUserId,
            CreatedAt = now,
        }, token);
    }

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public void RecordView(DateTime now)
    {
        FirstViewedAt ??= now;
        LastViewedAt = now;
        Views++;
    }
}

/// <summary>One opening of a public link: when, from which address, with which browser (SND-3).</summary>
public class PublicLinkView
{
    public const int UserAgentMax = 300;

    public long Id { get; private set; }
    public long LinkId { get; private set; }
    public long DocumentId { get; private set; }
    public DateTime At { get; private set; }
    public string IpAddress { get; private set; } = string.Empty;
    public string UserAgent { get; private set; } = string.Empty;

    private PublicLinkView() { }

    public PublicLinkView(PublicLink link, DateTime at, string ipAddress, string userAgent)
    {
        LinkId = link.Id;
        DocumentId = link.DocumentId;
        At = at;
        IpAddress = ipAddress.Length > 64 ? ipAddress[..64] : ipAddress;
        UserAgent = userAgent.Length > UserAgentMax ? userAgent[..UserAgentMax] : userAgent;
    }
}

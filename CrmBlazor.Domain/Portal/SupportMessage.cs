namespace CrmBlazor.Domain.Portal;

/// <summary>
/// One message of a customer's support thread with the office (POR-2): written by a contact in the portal
/// or by staff answering from the back office. Each one is also written to the customer's History.
/// </summary>
public class SupportMessage
{
    public const int BodyMax = 4000;

    public long Id { get; private set; }
    public long CustomerId { get; private set; }

    /// <summary>Set when a contact wrote it in the portal.</summary>
    public long? PortalAccountId { get; private set; }

    /// <summary>Set when staff wrote it.</summary>
    public string? StaffUserId { get; private set; }

    public string AuthorName { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }

    private SupportMessage() { }

    public static SupportMessage FromContact(long customerId, long portalAccountId, string authorName, string body, DateTime now) =>
        new() { CustomerId = customerId, PortalAccountId = portalAccountId, AuthorName = authorName, Body = body, CreatedAt = now };

    public static SupportMessage FromStaff(long customerId, string staffUserId, string authorName, string body, DateTime now) =>
        new() { CustomerId = customerId, StaffUserId = staffUserId, AuthorName = authorName, Body = body, CreatedAt = now };

    public bool IsFromContact => PortalAccountId is not null;
}

namespace CrmBlazor.Domain.Portal;

/// <summary>One message of a support thread as both sides see it: who wrote it, whether a contact or the office, when, what.</summary>
public sealed record SupportMessageView(long Id, string AuthorName, bool FromContact, string Body, DateTime CreatedAt);

/// <summary>The latest messages of a customer's thread, oldest first; <see cref="Earlier"/>: older ones are not shown.</summary>
public sealed record SupportThread(long CustomerId, string CustomerName, IReadOnlyList<SupportMessageView> Messages, bool Earlier);

/// <summary>What staff are told when a contact writes (POR-2): "New message from {contact} ({customer})".</summary>
public sealed record SupportNotice(long MessageId, long CustomerId, string AuthorName, string CustomerName);

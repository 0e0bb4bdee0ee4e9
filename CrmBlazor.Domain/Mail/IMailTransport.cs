using MimeKit;

namespace CrmBlazor.Domain.Mail;

/// <summary>Where outbox messages go: an SMTP server or a pickup folder (SND-7).</summary>
public interface IMailTransport
{
    /// <summary>One connection for one batch; it connects on the first message and reconnects after a failure.</summary>
    Task<IMailConnection> OpenAsync(CancellationToken ct);
}

public interface IMailConnection : IAsyncDisposable
{
    /// <summary>Returns once the other side has accepted the message; otherwise throws <see cref="MailDeliveryException"/>.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Why a delivery failed, which decides what the outbox does next.</summary>
public enum MailFailure
{
    /// <summary>This message will never be accepted (an SMTP 5xx reply, a malformed address): Failed at once.</summary>
    Permanent,
    /// <summary>This message was refused for now (an SMTP 4xx reply): retried later; the rest of the batch goes on.</summary>
    Temporary,
    /// <summary>The server cannot be reached or dropped the connection: retried later, and the rest of the batch waits too.</summary>
    Unavailable,
}

public sealed class MailDeliveryException(MailFailure failure, string reason, Exception? inner = null) : Exception(reason, inner)
{
    public MailFailure Failure { get; } = failure;
}

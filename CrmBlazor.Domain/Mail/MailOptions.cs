namespace CrmBlazor.Domain.Mail;

/// <summary>"Mail" in appsettings.json: where the outbox delivers (SND-7) and how it retries.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Pickup (the default: .eml files in <see cref="PickupFolder"/>) or Smtp.</summary>
    public MailMode Mode { get; set; } = MailMode.Pickup;

    /// <summary>Relative paths are taken from the repository root.</summary>
    public string PickupFolder { get; set; } = ".data/mail";

    public string FromAddress { get; set; } = "office@crmblazor.local";
    public string FromName { get; set; } = "CrmBlazor";

    /// <summary>The right-hand side of every Message-ID: "&lt;random&gt;@MessageIdDomain".</summary>
    public string MessageIdDomain { get; set; } = "crmblazor.local";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>After this many failed attempts a message is Failed for good.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Wait after the n-th failed attempt (the last entry repeats). Empty: the default schedule.
    /// An array, not a list: the configuration binder would append to a list's defaults.
    /// </summary>
    public TimeSpan[]? Backoff { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Messages one sender claims at a time (at most <see cref="Data.RowReadGuard.Limit"/>).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim lasts; a sender that dies leaves its messages to others once it has passed.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan[] DefaultBackoff =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
    ];

    public TimeSpan BackoffAfter(int attempts)
    {
        var schedule = Backoff is { Length: > 0 } b ? b : DefaultBackoff;
        return schedule[Math.Clamp(attempts - 1, 0, schedule.Length - 1)];
    }
}

public enum MailMode
{
    Pickup = 0,
    Smtp = 1,
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    /// <summary>Empty: no login.</summary>
    public string User { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    /// <summary>A server that stops answering fails the attempt after this long.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmtpSecurity
{
    None = 0,
    StartTls = 1,
    SslOnConnect = 2,
}

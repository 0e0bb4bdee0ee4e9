using System.Globalization;
using CrmBlazor.Tests.Support.Mail;

namespace CrmBlazor.Tests.Support.App;

/// <summary>
/// The app as a client meets it: its outbox delivers over SMTP to a real server (aiosmtpd) and every
/// emailed link points at the app itself (a fixed port, so <c>Sending:PublicBaseUrl</c> is known before start).
/// </summary>
public sealed class SendingLoopFixture : AppFixture
{
    private readonly int _smtpPort;

    public SendingLoopFixture() : this(SmtpTestServer.FreePort(), SmtpTestServer.FreePort()) { }

    private SendingLoopFixture(int webPort, int smtpPort) : base(new CrmAppFactory(0, 0, webPort, Settings(webPort, smtpPort))) =>
        _smtpPort = smtpPort;

    public SmtpTestServer Smtp { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync(_smtpPort);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private static Dictionary<string, string> Settings(int webPort, int smtpPort) => new()
    {
        ["Sending:PublicBaseUrl"] = $"http://127.0.0.1:{webPort}",
        ["Payments:Gateway"] = "Sandbox",
        ["Mail:Mode"] = "Smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Smtp:User"] = "",
    };
}

[CollectionDefinition(Name)]
public sealed class SendingLoopCollection : ICollectionFixture<SendingLoopFixture>
{
    public const string Name = "sending-loop";
}

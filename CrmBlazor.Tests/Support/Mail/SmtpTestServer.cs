using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace CrmBlazor.Tests.Support.Mail;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd (apt-get install python3-aiosmtpd) on a free local
/// port, storing what it accepts in a Maildir. Recipients starting with "reject" are refused with
/// 550 (a permanent error). It can be stopped and started again on the same port, as a mail server
/// that goes down and comes back.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string RejectedPrefix = "reject";

    // Mailbox stores every accepted message; the RCPT hook refuses some recipients as a real server would.
    private const string Handler =
        """
        from aiosmtpd.handlers import Mailbox

        class RejectingMailbox(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower().startswith("reject"):
                    return "550 5.1.1 <%s>: Recipient address rejected: no such user" % address
                envelope.rcpt_tos.append(address)
                return "250 OK"
        """;

    private readonly string _root;
    private Process? _process;

    private SmtpTestServer(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Where aiosmtpd's Maildir is: accepted messages land in <c>new/</c>.</summary>
    public string MailDir => Path.Combine(_root, "maildir");

    public bool IsRunning => _process is { HasExited: false };

    /// <param name="port">Null: a free port.</param>
    public static async Task<SmtpTestServer> StartAsync(int? port = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"smtp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "crm_test_smtp.py"), Handler);
        var server = new SmtpTestServer(root, port ?? FreePort());
        await server.RestartAsync();
        return server;
    }

    /// <summary>A port nobody listens on: connecting is refused at once, like a mail server that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server (again) on the same port and returns once it accepts connections.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning) return;
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "crm_test_smtp.RejectingMailbox", MailDir },
            WorkingDirectory = _root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.Environment["PYTHONPATH"] = _root;
        _process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}; is python3-aiosmtpd installed? (apt-get install -y python3-aiosmtpd)");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"aiosmtpd did not listen on port {Port} within 15 s");
    }

    /// <summary>Kills the server at once, as a crash or a pulled cable would: connections in progress break.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Files of the messages accepted so far.</summary>
    public string[] Files()
    {
        var folder = Path.Combine(MailDir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    public int Count => Files().Length;

    public List<MimeMessage> Messages() => Files().Select(f => MimeMessage.Load(f)).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Count} of {count} messages arrived");
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

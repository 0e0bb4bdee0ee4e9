using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CrmBlazor.Tests.Support.Deploy;

/// <summary>
/// Debian's nginx running the deployment guide's site file in front of two instances, with a self-signed
/// certificate for crm.example.com on free loopback ports (browsers map that name to 127.0.0.1).
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string HostName = "crm.example.com";
    private readonly string _root;
    private Process? _process;

    private NginxProxy(string root, int httpsPort, int httpPort)
    {
        _root = root;
        HttpsPort = httpsPort;
        HttpPort = httpPort;
    }

    public int HttpsPort { get; }
    public int HttpPort { get; }
    public string BaseUrl => $"https://{HostName}:{HttpsPort}";

    public static NginxProxy Prepare()
    {
        var root = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        return new NginxProxy(root, Mail.SmtpTestServer.FreePort(), Mail.SmtpTestServer.FreePort());
    }

    public async Task StartAsync(int instance1Port, int instance2Port)
    {
        var (certificate, key) = await WriteCertificateAsync();
        var site = DeploymentGuide.NginxSite;
        site = DeploymentGuide.Replace(site, "127.0.0.1:5001", $"127.0.0.1:{instance1Port}");
        site = DeploymentGuide.Replace(site, "127.0.0.1:5002", $"127.0.0.1:{instance2Port}");
        site = DeploymentGuide.Replace(site, "listen 80;", $"listen 127.0.0.1:{HttpPort};");
        site = DeploymentGuide.Replace(site, "listen 443 ssl http2;", $"listen 127.0.0.1:{HttpsPort} ssl http2;");
        site = DeploymentGuide.Replace(site, "https://crm.example.com$request_uri", $"https://crm.example.com:{HttpsPort}$request_uri");
        site = DeploymentGuide.Replace(site, "/etc/letsencrypt/live/crm.example.com/fullchain.pem", certificate);
        site = DeploymentGuide.Replace(site, "/etc/letsencrypt/live/crm.example.com/privkey.pem", key);
        var sitePath = Path.Combine(_root, "crmblazor.conf");
        await File.WriteAllTextAsync(sitePath, site);

        // What Debian's /etc/nginx/nginx.conf provides around sites-enabled, kept inside the test folder.
        var temp = Path.Combine(_root, "temp");
        Directory.CreateDirectory(temp);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, (UnixFileMode)0b111_111_111);
        var main = $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            daemon off;
            pid {{_root}}/nginx.pid;
            error_log {{_root}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log {{_root}}/access.log;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{sitePath}};
            }
            """;
        var mainPath = Path.Combine(_root, "nginx.conf");
        await File.WriteAllTextAsync(mainPath, main);

        var info = new ProcessStartInfo("/usr/sbin/nginx", ["-p", _root, "-c", mainPath]) { RedirectStandardError = true, RedirectStandardOutput = true };
        _process = Process.Start(info)!;
        await WaitForPortAsync();
    }

    public string ErrorLog => File.Exists(Path.Combine(_root, "error.log")) ? File.ReadAllText(Path.Combine(_root, "error.log")) : "";

    /// <summary>An HTTP client that reaches crm.example.com at this proxy and trusts its test certificate.</summary>
    public HttpClient Client(string? route = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, HttpsPort, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
        if (route is not null) client.DefaultRequestHeaders.Add("Cookie", $"crm_route={route}");
        return client;
    }

    private async Task<(string Certificate, string Key)> WriteCertificateAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={HostName}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(HostName);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        var certificatePath = Path.Combine(_root, "fullchain.pem");
        var keyPath = Path.Combine(_root, "privkey.pem");
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private async Task WaitForPortAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"nginx exited: {await _process.StandardError.ReadToEndAsync()}{ErrorLog}");
            try
            {
                using var socket = new System.Net.Sockets.TcpClient();
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, HttpsPort);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("nginx did not listen within 15 s. " + ErrorLog);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

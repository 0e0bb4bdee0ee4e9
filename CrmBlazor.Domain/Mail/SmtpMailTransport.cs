using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CrmBlazor.Domain.Mail;

/// <summary>
/// Delivers through an SMTP server with MailKit. A batch keeps one connection open (connecting and
/// greeting per message would cost more than the message); a dropped connection is opened again on
/// the next message.
/// </summary>
public sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public Task<IMailConnection> OpenAsync(CancellationToken ct) => Task.FromResult<IMailConnection>(new Connection(options));

    private sealed class Connection(SmtpOptions options) : IMailConnection
    {
        private SmtpClient? _client;

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                var client = await ConnectedAsync(ct);
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException ex)
            {
                // MailKit resets the transaction after a refused command: the connection stays usable.
                var code = (int)ex.StatusCode;
                throw new MailDeliveryException(code >= 500 ? MailFailure.Permanent : MailFailure.Temporary, $"SMTP {code}: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
                                           or AuthenticationException or SslHandshakeException or TimeoutException
                                       || ex is OperationCanceledException && !ct.IsCancellationRequested)
            {
                await DropAsync();
                throw new MailDeliveryException(MailFailure.Unavailable, $"SMTP {options.Host}:{options.Port}: {ex.Message}", ex);
            }
            catch (OperationCanceledException)
            {
                await DropAsync();
                throw;
            }
        }

        private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
        {
            if (_client is { IsConnected: true }) return _client;
            await DropAsync();
            var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
            _client = client;
            // Our own socket, for NoDelay: SMTP is a chain of small commands and replies, and Nagle's algorithm
            // meeting the server's delayed ACK costs ~40 ms per round trip.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                connectTimeout.CancelAfter(options.Timeout);
                await socket.ConnectAsync(options.Host, options.Port, connectTimeout.Token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await client.ConnectAsync(socket, options.Host, options.Port, Security(options.Security), ct);
            if (options.User.Length > 0) await client.AuthenticateAsync(options.User, options.Password, ct);
            return client;
        }

        private static SecureSocketOptions Security(SmtpSecurity security) => security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };

        private async Task DropAsync()
        {
            if (_client is not { } client) return;
            _client = null;
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception)
            {
                // The connection is already broken; there is nothing left to close politely.
            }
            client.Dispose();
        }

        public async ValueTask DisposeAsync() => await DropAsync();
    }
}

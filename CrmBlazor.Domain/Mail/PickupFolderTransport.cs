using System.Text;
using MimeKit;

namespace CrmBlazor.Domain.Mail;

/// <summary>
/// "Delivers" by writing each message as an .eml file named after its Message-ID (the default for the
/// run command: no mail server needed, and a demo user can open what would have been sent). The file
/// is written under a temporary name and then moved, so a reader never sees half a message; a second
/// delivery of the same message replaces the file rather than adding one.
/// </summary>
public sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public Task<IMailConnection> OpenAsync(CancellationToken ct) => Task.FromResult<IMailConnection>(new Connection(Folder));

    public static string FileNameFor(string messageId)
    {
        var name = new StringBuilder(messageId.Length);
        foreach (var c in messageId) name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_');
        return name + ".eml";
    }

    private sealed class Connection(string folder) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var final = Path.Combine(folder, FileNameFor(message.MessageId ?? throw new ArgumentException("A message without a Message-ID", nameof(message))));
            var temp = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
            try
            {
                Directory.CreateDirectory(folder);
                await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                {
                    await message.WriteToAsync(stream, ct);
                    await stream.FlushAsync(ct);
                }
                File.Move(temp, final, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                TryDelete(temp);
                throw new MailDeliveryException(MailFailure.Unavailable, $"Pickup folder {folder}: {ex.Message}", ex);
            }
            catch (OperationCanceledException)
            {
                TryDelete(temp);
                throw;
            }
        }

        private static void TryDelete(string file)
        {
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using System.Diagnostics;
using System.Globalization;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Mail;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// SND-7 outbox throughput: 500 queued emails, each with a ~40 KB PDF, delivered by one sender to a local
/// aiosmtpd (one SMTP connection per batch of 50), every outcome recorded in the database as it happens.
/// Target ≥ 50 emails/s. Appends to docs/benchmarks/mail.md.
/// </summary>
[Trait("Category", "Performance")]
public sealed class MailThroughputBenchmark(ITestOutputHelper output)
{
    private const int Messages = 500;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, MailMode.Smtp)]
    [InlineData(DatabaseProvider.Postgres, MailMode.Smtp)]
    [InlineData(DatabaseProvider.Sqlite, MailMode.Pickup)]
    public async Task SND_7_outbox_throughput_to_a_local_smtp_server_with_a_pdf_attached(DatabaseProvider provider, MailMode mode)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var pickup = Path.Combine(smtp.MailDir, "new");
        await using var host = await MailHost.CreateAsync(provider, mode == MailMode.Smtp ? MailHost.Smtp(smtp.Port) : MailHost.Pickup(pickup));
        if (provider == DatabaseProvider.Sqlite)
        {
            // The app's database file is in WAL mode (EF creates it so); the test template is folded back to one file.
            await using var db = host.Db();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        var pdf = MailHost.Pdf(40 * 1024);
        await host.QueueManyAsync(50, pdf: pdf);
        await host.Sender().SendAllDueAsync(); // warm-up: connections, JIT, query plans
        await smtp.WaitForAsync(50);
        await host.QueueManyAsync(Messages, pdf: pdf);

        var start = Stopwatch.GetTimestamp();
        await host.Sender().SendAllDueAsync();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await smtp.WaitForAsync(50 + Messages);

        var rate = Messages / seconds;
        var sent = (await host.OutboxAsync()).Count(m => m.Status == MailStatus.Sent);
        var inv = CultureInfo.InvariantCulture;
        var row = string.Create(inv,
            $"| {provider} | {mode} | {Messages} | {pdf.Length / 1024} KB | {MailHost.Smtp(0).BatchSize} | {seconds:F2} | **{rate:F1}** | {seconds * 1000 / Messages:F1} | ≥ 50/s |");
        output.WriteLine(row);
        Append(row);
        Assert.Equal(50 + Messages, sent);
        Assert.Equal(50 + Messages, smtp.Messages().Select(m => m.MessageId).Distinct().Count());
    }

    private static readonly Lock Gate = new();
    private static bool _headerWritten;

    private static void Append(string row)
    {
        lock (Gate)
        {
            var file = Path.Combine(Path.GetDirectoryName(Bench.ResultsFile())!, "mail.md");
            if (!File.Exists(file))
                File.WriteAllText(file, "# Mail outbox benchmarks (SND-7)\n\nWritten by `scripts/bench.sh` (`CrmBlazor.Tests/Performance/MailThroughputBenchmark.cs`); newest run last. " +
                    "One sender, SMTP to a local aiosmtpd (Maildir), each email with a PDF attachment; each outcome is recorded in the database as soon as it is known, while the next email goes out.\n");
            if (!_headerWritten)
            {
                File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture, $"\n## Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores\n\n") +
                    "| Database | Transport | Emails | PDF | Batch | Seconds | Emails/s | ms per email | Target |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n");
                _headerWritten = true;
            }
            File.AppendAllText(file, row + "\n");
        }
    }
}

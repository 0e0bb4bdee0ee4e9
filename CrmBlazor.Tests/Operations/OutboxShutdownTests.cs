using System.Collections.Concurrent;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace CrmBlazor.Tests.Operations;

/// <summary>Issue 13: stopping the app loses no email and leaves none locked: what the sender held is claimable at once.</summary>
public class OutboxShutdownTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Stopping_the_sender_in_the_middle_of_a_batch_finishes_the_email_in_flight_and_gives_the_rest_back_claimable_at_once(DatabaseProvider provider)
    {
        var transport = new HeldTransport(holdAt: 3);
        await using var host = await HostWith(provider, transport);
        var queued = await host.QueueManyAsync(10);
        var worker = Worker(host);

        await worker.StartAsync(CancellationToken.None);
        await transport.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = worker.StopAsync(CancellationToken.None); // the host shutting down
        transport.Finish.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        var outbox = await host.OutboxAsync();
        var sent = outbox.Where(m => m.Status == MailStatus.Sent).Select(m => m.MessageId).ToList();
        Assert.Equal(queued.Take(3).Select(m => m.MessageId), sent);
        Assert.Equal(sent, transport.Delivered);
        var givenBack = outbox.Where(m => m.Status != MailStatus.Sent).ToList();
        Assert.All(givenBack, m => Assert.Equal((MailStatus.Queued, null, 0), (m.Status, m.LockedUntil, m.Attempts)));
        // Another instance (or the next start) claims them now, at the same instant, not when a lease runs out.
        Assert.Equal(givenBack.Select(m => m.Id), await ClaimNowAsync(host));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Stopping_the_sender_while_it_connects_gives_the_whole_batch_back_claimable_at_once(DatabaseProvider provider)
    {
        var transport = new HeldTransport(holdAt: 0);
        await using var host = await HostWith(provider, transport);
        var queued = await host.QueueManyAsync(5);
        var worker = Worker(host);

        await worker.StartAsync(CancellationToken.None);
        await transport.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(transport.Delivered);
        Assert.All(await host.OutboxAsync(), m => Assert.Equal((MailStatus.Queued, null), (m.Status, m.LockedUntil)));
        Assert.Equal(queued.Select(m => m.Id), await ClaimNowAsync(host));
    }

    private static Task<DomainHost> HostWith(DatabaseProvider provider, HeldTransport transport) =>
        DomainHost.CreateAsync(provider, services =>
        {
            services.AddCrmMail(MailHost.Smtp(0), Path.GetTempPath());
            services.Replace(ServiceDescriptor.Singleton<IMailTransport>(transport));
        });

    private static OutboxWorker Worker(DomainHost host) => host.Services.GetServices<IHostedService>().OfType<OutboxWorker>().Single();

    private static async Task<List<long>> ClaimNowAsync(DomainHost host)
    {
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using var db = host.Db();
        return (await OutboxClaim.ClaimAsync(db, now, now.AddMinutes(5), 50, CancellationToken.None)).Order().ToList();
    }

    /// <summary>
    /// Accepts every message, but holds the n-th one in flight (0: holds the connection being opened, until the
    /// stop cancels it) so the test can stop the sender at that moment.
    /// </summary>
    private sealed class HeldTransport(int holdAt) : IMailTransport, IMailConnection
    {
        private int _count;

        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentQueue<string> Delivered { get; } = new();

        public async Task<IMailConnection> OpenAsync(CancellationToken ct)
        {
            if (holdAt == 0)
            {
                Holding.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
            return this;
        }

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            if (Interlocked.Increment(ref _count) == holdAt)
            {
                Holding.TrySetResult();
                await Finish.Task;
            }
            Delivered.Enqueue(message.MessageId ?? "");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

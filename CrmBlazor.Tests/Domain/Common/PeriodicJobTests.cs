using System.Threading.Channels;
using CrmBlazor.Domain.Common;
using CrmBlazor.Tests.Support.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CrmBlazor.Tests.Domain.Common;

public sealed class PeriodicJobTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_job_runs_after_its_first_delay_and_then_each_time_fake_time_passes_its_interval()
    {
        var clock = new WatchedClock();
        using var logs = new LoggerFactory([new LogCapture()]);
        await using var services = new ServiceCollection().BuildServiceProvider();
        using var job = new CountingJob(services, clock, logs.CreateLogger<CountingJob>(), failFirst: false);
        await job.StartAsync(CancellationToken.None);
        await clock.TimerCreated(Wait);

        clock.Advance(FirstDelay - TimeSpan.FromSeconds(1));
        Assert.False(await job.RanWithin(TimeSpan.FromMilliseconds(200)));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await job.RanWithin(Wait));

        clock.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.False(await job.RanWithin(TimeSpan.FromMilliseconds(200)));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await job.RanWithin(Wait));
        Assert.Equal([clock.Start.UtcDateTime + FirstDelay, clock.Start.UtcDateTime + FirstDelay + Interval], job.RunTimes);

        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failing_run_is_logged_and_the_next_run_comes_on_time()
    {
        var clock = new WatchedClock();
        var capture = new LogCapture();
        using var logs = new LoggerFactory([capture]);
        await using var services = new ServiceCollection().BuildServiceProvider();
        using var job = new CountingJob(services, clock, logs.CreateLogger<CountingJob>(), failFirst: true);
        await job.StartAsync(CancellationToken.None);
        await clock.TimerCreated(Wait);

        clock.Advance(FirstDelay);
        Assert.True(await job.RanWithin(Wait));
        clock.Advance(Interval);
        Assert.True(await job.RanWithin(Wait));

        Assert.Equal(2, job.RunTimes.Count);
        var error = Assert.Single(capture.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Contains("Counting run failed", error);
        Assert.Contains("first run breaks", error);

        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_disabled_job_never_runs()
    {
        var clock = new WatchedClock();
        using var logs = new LoggerFactory();
        await using var services = new ServiceCollection().BuildServiceProvider();
        using var job = new CountingJob(services, clock, logs.CreateLogger<CountingJob>(), failFirst: false, enabled: false);
        await job.StartAsync(CancellationToken.None);
        await job.ExecuteTask!.WaitAsync(Wait);

        clock.Advance(FirstDelay + Interval);
        Assert.False(await job.RanWithin(TimeSpan.FromMilliseconds(200)));
        await job.StopAsync(CancellationToken.None);
    }

    /// <summary>
    /// A fake clock that tells when a timer is set: the job's loop runs on its own thread, so time may only move once
    /// the job waits on it.
    /// </summary>
    private sealed class WatchedClock : FakeTimeProvider
    {
        private readonly SemaphoreSlim _timers = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timers.Release();
            return timer;
        }

        public async Task TimerCreated(TimeSpan wait) => Assert.True(await _timers.WaitAsync(wait), "the job set no timer");
    }

    private sealed class CountingOptions : PeriodicJobOptions;

    private sealed class CountingJob(IServiceProvider services, TimeProvider clock, ILogger logger, bool failFirst, bool enabled = true)
        : PeriodicJob(services.GetRequiredService<IServiceScopeFactory>(),
            new CountingOptions { SchedulerEnabled = enabled, IntervalMinutes = (int)Interval.TotalMinutes, FirstRunDelaySeconds = (int)FirstDelay.TotalSeconds },
            clock, logger)
    {
        private readonly Channel<DateTime> _runs = Channel.CreateUnbounded<DateTime>();

        public List<DateTime> RunTimes { get; } = [];

        protected override string Name => "Counting";

        protected override Task RunOnceAsync(IServiceProvider scope, DateTime utcNow, CancellationToken ct)
        {
            RunTimes.Add(utcNow);
            _runs.Writer.TryWrite(utcNow);
            if (failFirst && RunTimes.Count == 1) throw new InvalidOperationException("first run breaks");
            return Task.CompletedTask;
        }

        /// <summary>True once a run has happened (or had happened) within the wait.</summary>
        public async Task<bool> RanWithin(TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            try
            {
                await _runs.Reader.ReadAsync(timeout.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}

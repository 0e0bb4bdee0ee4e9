using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Sending.Public;

/// <summary>"PublicPages" in appsettings.json.</summary>
public sealed class PublicPageOptions
{
    public const string Section = "PublicPages";

    /// <summary>Misses (unknown, expired, revoked... tokens) one address may make within the window before it gets 429.</summary>
    public int MissLimit { get; set; } = 20;
    public int MissWindowSeconds { get; set; } = 600;
}

/// <summary>
/// Counts misses on public URLs per client address in a sliding window. Only misses count, so a client
/// reloading its own page is never limited; an address over the limit gets 429 on every public URL until
/// its oldest misses leave the window — guessing tokens costs an attacker time, not us database work.
/// </summary>
public sealed class PublicMissLimiter(IOptions<PublicPageOptions> options, TimeProvider clock)
{
    private const int MaxAddresses = 50_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _misses = new(StringComparer.Ordinal);

    private int Limit => Math.Max(1, options.Value.MissLimit);
    private TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, options.Value.MissWindowSeconds));

    public bool IsBlocked(string address)
    {
        if (!_misses.TryGetValue(address, out var times)) return false;
        lock (times) return Trim(times, clock.GetUtcNow()) >= Limit;
    }

    public void RecordMiss(string address)
    {
        var now = clock.GetUtcNow();
        if (_misses.Count >= MaxAddresses) Sweep(now);
        var times = _misses.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Trim(times, now);
            // Bounded: past the limit the address is blocked anyway, more entries only lengthen nothing.
            if (times.Count <= Limit) times.Enqueue(now);
        }
    }

    /// <summary>Seconds until the address may try again.</summary>
    public int RetryAfterSeconds(string address)
    {
        if (!_misses.TryGetValue(address, out var times)) return 0;
        lock (times)
        {
            if (times.Count == 0) return 0;
            var free = times.Peek() + Window - clock.GetUtcNow();
            return Math.Max(1, (int)Math.Ceiling(free.TotalSeconds));
        }
    }

    private int Trim(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - Window) times.Dequeue();
        return times.Count;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (address, times) in _misses)
        {
            bool empty;
            lock (times) empty = Trim(times, now) == 0;
            if (empty) _misses.TryRemove(address, out _);
        }
    }
}

using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Split;

namespace CrmBlazor.Tests.Domain.Matters;

/// <summary>The remainder rule of the split (MAT-8) and the price of time, without a database.</summary>
public class SplitRoundingTests
{
    [Fact]
    public void MAT_8_100_euros_among_three_equal_clients_gives_the_extra_cent_to_the_first()
    {
        var parts = ActivitySplitter.Equal([11, 22, 33]);
        Assert.Equal([3334, 3333, 3333], parts.Select(p => p.BasisPoints));
        Assert.Equal([(11L, 33_34L), (22L, 33_33L), (33L, 33_33L)], ActivitySplitter.Parts(100_00, parts));
    }

    [Fact]
    public void MAT_8_the_largest_percentage_takes_the_leftover_cents_the_earliest_among_equals()
    {
        Assert.Equal(22, ActivitySplitter.RemainderTaker([new(11, 2000), new(22, 4000), new(33, 4000)]));
        Assert.Equal([(11L, 0L), (22L, 1L), (33L, 0L)], ActivitySplitter.Parts(1, [new(11, 2000), new(22, 4000), new(33, 4000)]));
    }

    [Fact]
    public void MAT_8_parts_always_add_up_to_the_whole_and_stay_within_a_cent_per_client_of_the_exact_share()
    {
        var random = new Random(20261126);
        for (var run = 0; run < 20_000; run++)
        {
            var clients = random.Next(1, 8);
            var basisPoints = RandomSplit(random, clients);
            var parts = basisPoints.Select((bp, i) => new SplitPart(100 + i, bp)).ToList();
            var amount = random.Next(4) switch { 0 => random.Next(1, 10), 1 => random.Next(1, 100_00), _ => random.NextInt64(1, 100_000_000_00) };

            var result = ActivitySplitter.Parts(amount, parts);

            Assert.Equal(amount, result.Sum(r => r.AmountMinor));
            Assert.All(result, r => Assert.True(r.AmountMinor >= 0));
            foreach (var (part, (_, got)) in parts.Zip(result))
            {
                var exact = amount * (decimal)part.BasisPoints / MatterSplit.Whole;
                // Everyone gets the exact share rounded down; only the taker gets more, by less than a cent per client.
                Assert.True(got >= Math.Floor(exact) && got - exact < clients, $"{amount} × {part.BasisPoints}: {got}");
            }
        }
    }

    [Theory]
    [InlineData(1, 10_000)]
    [InlineData(2, 5000)]
    [InlineData(3, 3333)]
    [InlineData(6, 1666)]
    [InlineData(7, 1428)]
    public void MAT_8_equal_percentages_add_up_to_100(int clients, int smallest)
    {
        var parts = ActivitySplitter.Equal(Enumerable.Range(1, clients).Select(i => (long)i).ToList());
        Assert.Equal(MatterSplit.Whole, parts.Sum(p => p.BasisPoints));
        Assert.Equal(smallest, parts.Min(p => p.BasisPoints));
        Assert.True(parts.Max(p => p.BasisPoints) - parts.Min(p => p.BasisPoints) <= 1);
    }

    [Theory]
    [InlineData(90, 120_00, 180_00)]
    [InlineData(25, 100_10, 41_71)]    // 41.7083…
    [InlineData(1, 30, 1)]             // 0.005 → 0.01: half away from zero
    [InlineData(1, 29, 0)]             // 0.00483… → 0.00
    [InlineData(7, 150_00, 17_50)]
    public void MAT_6_time_costs_minutes_times_the_hourly_rate_over_60_rounded_half_away_from_zero(int minutes, long rate, long expected) =>
        Assert.Equal(expected, Activity.TimeAmount(minutes, rate));

    private static int[] RandomSplit(Random random, int clients)
    {
        if (random.Next(3) == 0) return ActivitySplitter.Equal(Enumerable.Range(0, clients).Select(i => (long)i).ToList()).Select(p => p.BasisPoints).ToArray();
        var cuts = Enumerable.Range(0, clients - 1).Select(_ => random.Next(0, MatterSplit.Whole + 1)).Order().ToList();
        var bounds = new[] { 0 }.Concat(cuts).Concat([MatterSplit.Whole]).ToArray();
        return Enumerable.Range(0, clients).Select(i => bounds[i + 1] - bounds[i]).ToArray();
    }
}

using CrmBlazor.Domain.Live;

namespace CrmBlazor.Tests.Services.Live;

/// <summary>DIR-8, issue 14: open pages share one read per change and question, and never an older change's read.</summary>
public class ChangeReadsTests
{
    private readonly ChangeReads _reads = new();
    private int _queries;

    private async Task<string> ReadAsync(string value)
    {
        Interlocked.Increment(ref _queries);
        await Task.Delay(20);
        return value;
    }

    [Fact]
    public async Task DIR_8_pages_asking_the_same_question_after_the_same_change_share_one_read()
    {
        var change = new Change(Topics.Client, 12);

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => _reads.OnceAsync(change, "row 12", () => ReadAsync("fresh"))));

        Assert.All(answers, a => Assert.Equal("fresh", a));
        Assert.Equal(1, _queries);
    }

    [Fact]
    public async Task DIR_8_a_later_change_or_another_question_reads_again()
    {
        var first = new Change(Topics.Client, 12);
        var later = new Change(Topics.Client, 12);

        Assert.Equal("old", await _reads.OnceAsync(first, "row 12", () => ReadAsync("old")));
        Assert.Equal("new", await _reads.OnceAsync(later, "row 12", () => ReadAsync("new")));
        Assert.Equal("other", await _reads.OnceAsync(later, "row 13", () => ReadAsync("other")));
        Assert.Equal(3, _queries);
    }

    [Fact]
    public async Task DIR_8_a_failed_read_is_not_handed_to_the_next_page()
    {
        var change = new Change(Topics.Client, 12);

        await Assert.ThrowsAsync<TimeoutException>(() => _reads.OnceAsync<string>(change, "row 12", () => throw new TimeoutException()));

        Assert.Equal("fresh", await _reads.OnceAsync(change, "row 12", () => ReadAsync("fresh")));
    }
}

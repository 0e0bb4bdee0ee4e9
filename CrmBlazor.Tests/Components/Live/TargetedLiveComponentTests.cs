using Bunit;
using CrmBlazor.Domain.Live;
using CrmBlazor.Live;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.Live;

/// <summary>Pages that update only what a change touches (DIR-8, issue 14): bursts, renders, failures.</summary>
public class TargetedLiveComponentTests : BunitContext
{
    private readonly ChangeFeed _feed = new(new InProcessChangeTransport());

    public TargetedLiveComponentTests() => Services.AddSingleton(_feed);

    [Fact]
    public async Task DIR_8_a_burst_arriving_during_a_reload_costs_one_more_reload_not_one_per_change()
    {
        var cut = Render<Page>();
        var page = cut.Instance;
        page.Outcome = LiveOutcome.ReloadNeeded;
        page.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await _feed.PublishAsync(new Change(Topics.Deal, 1));
        await page.ReloadStarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
        for (var i = 2; i <= 20; i++) await _feed.PublishAsync(new Change(Topics.Deal, i));
        page.Gate.SetResult();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("#reloads").TextContent));
        await Task.Delay(200);
        Assert.Equal("2", cut.Find("#reloads").TextContent);
    }

    [Fact]
    public async Task DIR_8_irrelevant_changes_and_changes_that_touch_nothing_shown_do_not_render()
    {
        var cut = Render<Page>();
        var renders = cut.RenderCount;

        await _feed.PublishAsync(new Change(Topics.Client, 1));
        cut.Instance.Outcome = LiveOutcome.Nothing;
        await _feed.PublishAsync(new Change(Topics.Deal, 2));
        await Task.Delay(200);

        Assert.Equal(renders, cut.RenderCount);
        Assert.Equal([2L], cut.Instance.Applied);
    }

    [Fact]
    public async Task DIR_8_a_targeted_update_that_fails_falls_back_to_a_reload()
    {
        var cut = Render<Page>();
        cut.Instance.Fail = true;

        await _feed.PublishAsync(new Change(Topics.Deal, 1));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#reloads").TextContent));
    }

    [Fact]
    public async Task DIR_8_after_the_link_to_other_instances_was_down_a_targeted_page_reloads()
    {
        var cut = Render<Page>();

        await _feed.PublishAsync(new Change(Topics.Resync, null));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#reloads").TextContent));
        Assert.Empty(cut.Instance.Applied);
    }

    private sealed class Page : TargetedLiveComponentBase
    {
        private int _reloads;

        public LiveOutcome Outcome { get; set; } = LiveOutcome.Updated;
        public bool Fail { get; set; }
        public TaskCompletionSource? Gate { get; set; }
        public TaskCompletionSource ReloadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<long> Applied { get; } = [];

        protected override void OnInitialized() => ListenToChanges(c => c.Topic == Topics.Deal, ApplyAsync, ReloadAsync);

        private Task<LiveOutcome> ApplyAsync(Change change)
        {
            if (Fail) throw new InvalidOperationException("the row could not be read");
            Applied.Add(change.Id!.Value);
            return Task.FromResult(Outcome);
        }

        private async Task ReloadAsync()
        {
            ReloadStarted.TrySetResult();
            if (Gate is not null) await Gate.Task;
            _reloads++;
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "id", "reloads");
            builder.AddContent(2, _reloads);
            builder.CloseElement();
        }
    }
}

using Bunit;
using CrmBlazor.Domain.Live;
using CrmBlazor.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.Live;

/// <summary>The live pages (DIR-8) as the change feed's publishers see them.</summary>
public class LiveComponentTests : BunitContext
{
    [Fact]
    public async Task DIR_8_a_page_slow_to_reload_does_not_keep_the_publisher_waiting_and_still_shows_the_change()
    {
        var feed = new ChangeFeed(new InProcessChangeTransport());
        Services.AddSingleton(feed);
        var cut = Render<SlowPage>();
        var page = cut.Instance;

        // A colleague saves: the save's publish returns although this page is still reloading.
        var publish = feed.PublishAsync(new Change(Topics.Client, 1));
        Assert.True(await Task.WhenAny(publish, Task.Delay(TimeSpan.FromSeconds(5))) == publish, "the publisher waited for the page");
        await page.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("0", cut.Find("#reloads").TextContent);

        // The page finishes its reload by itself and shows it.
        page.Release.SetResult();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#reloads").TextContent));
    }

    [Fact]
    public async Task DIR_8_after_the_link_to_other_instances_was_down_a_page_reloads_whatever_it_listens_to()
    {
        var feed = new ChangeFeed(new InProcessChangeTransport());
        Services.AddSingleton(feed);
        var cut = Render<SlowPage>();
        cut.Instance.Release.SetResult();

        await feed.PublishAsync(new Change(Topics.Deal, 1));
        await feed.PublishAsync(new Change(Topics.Resync, null));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#reloads").TextContent));
    }

    [Fact]
    public async Task DIR_8_a_live_reload_that_fails_reaches_the_circuits_error_handling_instead_of_vanishing()
    {
        var feed = new ChangeFeed(new InProcessChangeTransport());
        Services.AddSingleton(feed);
        Render<FailingPage>();

        await feed.PublishAsync(new Change(Topics.Client, 1));

        // What the circuit does with an exception of the page (an error boundary, or the reconnect banner): bUnit records it.
        var failure = await Renderer.UnhandledException.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("the reload's query failed", failure.Message);
    }

    private sealed class FailingPage : LiveComponentBase
    {
        protected override void OnInitialized() =>
            ListenTo(c => c.Topic == Topics.Client, () => throw new InvalidOperationException("the reload's query failed"));
    }

    private sealed class SlowPage : LiveComponentBase
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reloads;

        protected override void OnInitialized() => ListenTo(c => c.Topic == Topics.Client, async () =>
        {
            Started.TrySetResult();
            await Release.Task;
            _reloads++;
        });

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "id", "reloads");
            builder.AddContent(2, _reloads);
            builder.CloseElement();
        }
    }
}

using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.Perf;

/// <summary>A watching tab: notes in the page when a text shows under a selector, and counts the WebSocket frames it receives.</summary>
public sealed class Watcher
{
    private long _bytes;
    private long _frames;

    private Watcher(IPage page) => Page = page;

    public IPage Page { get; }
    public long Bytes => Interlocked.Read(ref _bytes);
    public long Frames => Interlocked.Read(ref _frames);

    public static async Task<Watcher> OpenAsync(IPage page, string url)
    {
        var watcher = new Watcher(page);
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            Interlocked.Add(ref watcher._bytes, frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? ""));
            Interlocked.Increment(ref watcher._frames);
        };
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
        return watcher;
    }

    public void ResetBytes()
    {
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _frames, 0);
    }

    public Task WatchAsync(string selector, string text) => Page.EvaluateAsync("""
        ([selector, text]) => {
            window.__seen = null;
            const has = () => [...document.querySelectorAll(selector)].some(e => e.textContent.includes(text));
            const observer = new MutationObserver(() => {
                if (window.__seen === null && has()) { window.__seen = performance.timeOrigin + performance.now(); observer.disconnect(); }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """, new[] { selector, text });

    public async Task<double> SeenAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (await Page.EvaluateAsync<double?>("() => window.__seen") is { } seen) return seen;
            await Task.Delay(5);
        }
        throw new TimeoutException("the change never showed");
    }
}

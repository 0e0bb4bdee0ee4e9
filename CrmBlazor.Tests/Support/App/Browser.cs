using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.App;

/// <summary>Debian chromium-headless-shell (the lean headless build) driven by Playwright (Playwright cannot download its own browser here).</summary>
public static class Browser
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CRM_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium-headless-shell";

    public static async Task<(IPlaywright, IBrowser)> LaunchAsync(params string[] extraArgs)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                .. extraArgs,
            ],
        });
        return (playwright, browser);
    }
}

using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.App;

/// <summary>Page object of the company and person lists.</summary>
public sealed class ClientListPage(IPage page)
{
    public ILocator Rows => page.Locator("#client-table tbody tr.mud-table-row");

    public async Task AddRuleAsync(string field, string op, string value)
    {
        if (await page.Locator("#filter-open").CountAsync() > 0) await page.ClickAsync("#filter-open");
        await SelectAsync("#filter-field", field);
        await SelectAsync("#filter-operator", op);
        await SelectAsync("#filter-value", value);
        await page.ClickAsync("#filter-add");
    }

    public Task WaitForRangeAsync(string text) =>
        page.Locator("#list-range").Filter(new() { HasText = text }).WaitForAsync();

    public Task<int> RowCountAsync() => Rows.CountAsync();

    public Task<int> InactiveBadgeCountAsync() => page.Locator("#client-table .inactive-badge").CountAsync();

    public async Task SaveFilterAsync(string name, bool shared)
    {
        await page.ClickAsync("#saved-filters");
        await page.ClickAsync("#save-filter");
        await page.FillAsync("#filter-name", name);
        if (shared) await page.ClickAsync("#filter-shared");
        await page.ClickAsync("#filter-save-confirm");
        await page.Locator(".mud-snackbar").First.WaitForAsync();
    }

    public async Task<IReadOnlyList<string>> SavedFilterNamesAsync()
    {
        await page.ClickAsync("#saved-filters");
        await page.Locator(".saved-filter").First.WaitForAsync();
        var names = await page.Locator(".saved-filter").AllInnerTextsAsync();
        await page.Keyboard.PressAsync("Escape");
        return names.Select(n => n.Trim()).ToList();
    }

    /// <summary>Opens a MudSelect and picks the item with this text.</summary>
    private async Task SelectAsync(string selector, string text)
    {
        // MudSelect puts the id on a hidden input: click the visible select around it.
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator(selector) }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(text)}\\s*$") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }
}

using MudBlazor;

namespace CrmBlazor.Components.Layout;

/// <summary>
/// The one theme of every page. App.razor renders it statically, outside the interactive circuit: a theme provider
/// inside the layout kept its ~45 KB of CSS text in every open tab's render tree (issue 14).
/// </summary>
public static class AppTheme
{
    public static readonly MudTheme Value = new()
    {
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["DejaVu Sans", "Liberation Sans", "Roboto", "Arial", "sans-serif"] } },
    };
}

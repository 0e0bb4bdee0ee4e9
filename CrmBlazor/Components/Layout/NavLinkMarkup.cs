using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Components.Layout;

/// <summary>
/// A drawer link as one piece of HTML in MudBlazor's nav-link classes. A MudNavLink is three components (link, NavLink,
/// icon), ~2.5 KB each in every open tab; the drawer's dozen links cost ~90 KB per tab that way (issue 14). Blazor's
/// router follows a click on a plain anchor just the same.
/// </summary>
public static class NavLinkMarkup
{
    public static MarkupString Link(string href, string icon, string text, string id, string currentPath, string? badge = null)
    {
        var active = IsActive(href, currentPath) ? " active" : "";
        var encoder = HtmlEncoder.Default;
        var badgeHtml = badge is null ? "" :
            $"<div class=\"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-error ma-0 ml-2\" id=\"{id}-badge\"><span class=\"mud-chip-content\">{encoder.Encode(badge)}</span></div>";
        return new MarkupString(
            $"<div class=\"mud-nav-item\"><a href=\"{encoder.Encode(href)}\" id=\"{encoder.Encode(id)}\" class=\"mud-nav-link mud-ripple{active}\">" +
            $"<svg class=\"mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>" +
            $"<div class=\"mud-nav-link-text d-flex align-center\">{encoder.Encode(text)}{badgeHtml}</div></a></div>");
    }

    /// <summary>The link's page or one below it: "/matters" is active on "/matters/12".</summary>
    public static bool IsActive(string href, string currentPath) =>
        currentPath.Equals(href, StringComparison.OrdinalIgnoreCase) ||
        currentPath.StartsWith(href.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);
}

using System.Globalization;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Commercial;

/// <summary>How follow-ups and deals read on screen, in the reader's language and culture.</summary>
public static class CommercialText
{
    public static string Icon(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Call => Icons.Material.Filled.Phone,
        FollowUpKind.Visit => Icons.Material.Filled.DirectionsWalk,
        FollowUpKind.Email => Icons.Material.Filled.Email,
        _ => Icons.Material.Filled.Groups,
    };

    /// <summary>A due time on the organisation's clock: "Thu 26/11/2026 10:00".</summary>
    public static string Due(DateTime local) =>
        local.ToString("ddd ", CultureInfo.CurrentCulture) + local.ToString("d", CultureInfo.CurrentCulture) + " " + local.ToString("t", CultureInfo.CurrentCulture);

    /// <summary>A user's name, marked when they were removed (their records stay, COM-1).</summary>
    public static string Person(string name, bool removed, Text t) => removed ? $"{name} {t["FollowUps.Removed"]}" : name;

    public static string Kind(FollowUpKind kind, Text t) => t["FollowUpKind." + kind];

    public static string Stage(DealStage stage, Text t) => t["DealStage." + stage];

    public static string Date(DateOnly? date) => Documents.DocumentText.Date(date);

    public static string Money(long minor, string currency) => Documents.DocumentText.Money(minor, currency);

    /// <summary>For the amount field: the text the user's culture reads back (no symbol, no group separator).</summary>
    public static string AmountInput(long minor) => (minor / 100m).ToString("0.00", CultureInfo.CurrentCulture);
}

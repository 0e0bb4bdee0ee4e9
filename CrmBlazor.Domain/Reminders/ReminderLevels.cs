using System.Globalization;

namespace CrmBlazor.Domain.Reminders;

/// <summary>
/// The reminder levels of the settings ("3,10,30"): days after the due date, positive, strictly
/// increasing, at most <see cref="Max"/>. Level 1 is the first number.
/// </summary>
public static class ReminderLevels
{
    public const int Max = 5;
    public const int MaxDays = 365;

    public static bool TryParse(string? text, out int[] days)
    {
        days = [];
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > Max) return false;
        var parsed = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > MaxDays) return false;
            if (parsed.Count > 0 && day <= parsed[^1]) return false;
            parsed.Add(day);
        }
        days = parsed.ToArray();
        return true;
    }

    /// <summary>The stored levels; a value that no longer parses means no reminders rather than a crash in the scheduler.</summary>
    public static int[] Parse(string? text) => TryParse(text, out var days) ? days : [];

    public static string Format(IEnumerable<int> days) => string.Join(",", days.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}

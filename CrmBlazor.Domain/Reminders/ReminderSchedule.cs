namespace CrmBlazor.Domain.Reminders;

/// <summary>
/// Which reminder level is due for an overdue invoice. Levels go out in order and never twice; after
/// downtime only the lowest missing level goes out, and the next one waits at least the gap between
/// the two levels' days after the previous reminder, so a client never gets two reminders at once.
/// </summary>
public static class ReminderSchedule
{
    /// <param name="days">The levels' days after the due date, increasing.</param>
    /// <param name="sent">The levels already sent and when.</param>
    public static int? NextDue(IReadOnlyList<int> days, DateOnly dueDate, IReadOnlyCollection<(int Level, DateTime SentAt)> sent, DateOnly today)
    {
        var next = sent.Count == 0 ? 1 : sent.Max(s => s.Level) + 1;
        if (next > days.Count) return null;
        if (today < dueDate.AddDays(days[next - 1])) return null;
        if (next == 1) return next;
        var previous = DateOnly.FromDateTime(sent.MaxBy(s => s.Level).SentAt);
        return today >= previous.AddDays(days[next - 1] - days[next - 2]) ? next : null;
    }
}

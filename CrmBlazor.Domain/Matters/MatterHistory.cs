using System.Text.Json;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;

namespace CrmBlazor.Domain.Matters;

public static class MatterHistory
{
    /// <summary>Adds a line to the matter's timeline (saved with the caller's changes).</summary>
    public static HistoryEvent RecordOnMatter(this CrmDbContext db, long matterId, HistoryKind kind, Actor actor, DateTime at, string text = "", object? data = null)
    {
        var entry = HistoryEvent.OnMatter(matterId, kind, at, actor.UserId, actor.Name, text, data is null ? null : JsonSerializer.Serialize(data));
        db.History.Add(entry);
        return entry;
    }
}

using System.Text.Json;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;

namespace CrmBlazor.Domain.History;

/// <summary>Adds a history line to the unit of work in progress, so it commits with the change it records.</summary>
public static class HistoryWriter
{
    public static HistoryEvent Record(this CrmDbContext db, long clientId, HistoryKind kind, Actor actor, DateTime at, string text = "", object? data = null)
    {
        var entry = HistoryEvent.OnClient(clientId, kind, at, actor.UserId, actor.Name, text, data is null ? null : JsonSerializer.Serialize(data));
        db.History.Add(entry);
        return entry;
    }
}

using System.Text;
using System.Text.Json;

namespace CrmBlazor.Domain.Live;

/// <summary>
/// Changes as they travel between instances: a JSON array with the sending instance's id, so an instance can skip
/// its own (it delivered them locally already). PostgreSQL caps a notification's payload just under 8,000 bytes,
/// so a burst is cut into as many messages as it needs.
/// </summary>
public static class ChangeMessage
{
    public const int MaxPayloadBytes = 7_500;

    private sealed record Wire(string I, Change[] C);

    public static IEnumerable<string> Pack(Guid instance, IReadOnlyList<Change> changes)
    {
        var id = instance.ToString("N");
        var batch = new List<Change>();
        var size = 0;
        foreach (var change in changes)
        {
            var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(change));
            if (batch.Count > 0 && size + bytes > MaxPayloadBytes - 64)
            {
                yield return JsonSerializer.Serialize(new Wire(id, [.. batch]));
                (batch, size) = ([], 0);
            }
            batch.Add(change);
            size += bytes + 1;
        }
        if (batch.Count > 0) yield return JsonSerializer.Serialize(new Wire(id, [.. batch]));
    }

    /// <summary>The changes of a message sent by another instance; nothing for this instance's own or a malformed one.</summary>
    public static IReadOnlyList<Change> Unpack(Guid instance, string payload)
    {
        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(payload);
            if (wire is null || wire.I == instance.ToString("N")) return [];
            return wire.C;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

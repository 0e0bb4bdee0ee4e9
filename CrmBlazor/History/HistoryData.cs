using System.Text.Json;

namespace CrmBlazor.History;

/// <summary>Reads the JSON a history entry carries; an entry written by an older version that no longer reads is shown without it.</summary>
public static class HistoryData
{
    public static T? Parse<T>(string? json) where T : class
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

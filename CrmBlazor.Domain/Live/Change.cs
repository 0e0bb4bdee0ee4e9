namespace CrmBlazor.Domain.Live;

/// <summary>
/// Something changed: a topic (what kind of record), the record's id, and who changed it.
/// Pages listen for the topics they show and reload what they display.
/// </summary>
public sealed record Change(string Topic, long? Id, string? ByUserId = null, long? ClientId = null);

public static class Topics
{
    public const string Client = "client";
    public const string History = "history";
    public const string SavedFilter = "saved-filter";
    public const string User = "user";
    public const string Settings = "settings";
    public const string Document = "document";
    public const string Mail = "mail";
    public const string Subscription = "subscription";
    public const string Matter = "matter";
    public const string Activity = "activity";
}

namespace CrmBlazor.Domain.Live;

/// <summary>
/// Something changed: a topic (what kind of record), the record's id, and who changed it.
/// Pages listen for the topics they show and reload what they display. <see cref="ForUserId"/> names the one
/// user a change is meant for (a follow-up assigned to them), so their layout can tell them wherever they are.
/// </summary>
public sealed record Change(string Topic, long? Id, string? ByUserId = null, long? ClientId = null, string? ForUserId = null);

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
    public const string Portal = "portal";
    public const string Support = "support";
    public const string FollowUp = "follow-up";
    public const string Deal = "deal";

    /// <summary>The link to the other instances was down for a while: every page reloads what it shows.</summary>
    public const string Resync = "*";
}

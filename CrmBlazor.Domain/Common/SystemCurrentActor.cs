namespace CrmBlazor.Domain.Common;

/// <summary>The system as the current actor: for work the app does itself (demo data, background printing).</summary>
public sealed class SystemCurrentActor : ICurrentActor
{
    public static readonly SystemCurrentActor Instance = new();

    public Task<Actor> GetAsync() => Task.FromResult(Actor.System);
}

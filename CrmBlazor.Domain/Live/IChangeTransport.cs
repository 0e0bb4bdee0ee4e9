namespace CrmBlazor.Domain.Live;

/// <summary>
/// Carries changes between app instances (PostgreSQL LISTEN / NOTIFY when there are several).
/// A change arriving from another instance is raised through <see cref="Received"/>.
/// </summary>
public interface IChangeTransport
{
    event Func<Change, Task>? Received;

    Task SendAsync(Change change);
}

/// <summary>A single instance: nothing to carry.</summary>
public sealed class InProcessChangeTransport : IChangeTransport
{
    public event Func<Change, Task>? Received
    {
        add { }
        remove { }
    }

    public Task SendAsync(Change change) => Task.CompletedTask;
}

using System.Globalization;
using Bunit;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.History;
using CrmBlazor.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CrmBlazor.Tests.Support.Components;

/// <summary>
/// bunit context for CrmBlazor components: MudBlazor services, the UI texts, and every real domain
/// service of a <see cref="DomainHost"/> on a fresh SQLite database (signed in as <see cref="TestActor.Admin"/>).
/// MudBlazor's services are async-dispose only, hence <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    private AsyncServiceScope _scope;
    private IRenderedComponent<MudProviders>? _root;

    protected ComponentTestBase()
    {
        UseCulture("en-US");
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices(o => o.SnackbarConfiguration.PreventDuplicates = false);
        Services.AddSingleton<Text>();
        Services.AddHistoryPhrasings();
        Services.AddTransient<MudLocalizer, CrmMudLocalizer>();
        Services.AddScoped<CrmBlazor.Clients.Archive.ArchiveFlow>();
    }

    protected DomainHost Host { get; private set; } = default!;

    protected Text T => Services.GetRequiredService<Text>();

    protected NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    public virtual async Task InitializeAsync()
    {
        // Every service the domain registers (AddCrmDomain, as the app does) resolves from the host's scope.
        Type[] domainServices = [];
        Host = await DomainHost.CreateAsync(DatabaseProvider.Sqlite, registered => domainServices =
            registered.Select(d => d.ServiceType).Where(t => t.Assembly == typeof(ClientService).Assembly && !t.IsGenericTypeDefinition).Distinct().ToArray());
        _scope = Host.Services.CreateAsyncScope();
        var scoped = _scope.ServiceProvider;
        Services.AddSingleton(Host.Feed);
        Services.AddSingleton(Host.Get<CrmDbContextFactory>());
        Services.AddSingleton<TimeProvider>(Host.Clock);
        Services.AddSingleton<ICurrentActor>(Host.Actor);
        foreach (var type in domainServices.Except([typeof(ChangeFeed), typeof(CrmDbContextFactory)]))
            Services.AddSingleton(type, _ => scoped.GetRequiredService(type));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _scope.DisposeAsync();
        await Host.DisposeAsync();
    }

    /// <summary>Sets the UI and formatting culture for the rest of the test (Text reads CurrentUICulture).</summary>
    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>A domain service acting as someone else (a colleague in another browser), on the same database and change feed.</summary>
    protected TService AsColleague<TService>(Actor? actor = null) where TService : notnull =>
        ActivatorUtilities.CreateInstance<TService>(Host.Services, new FixedActor(actor ?? TestActor.Office));

    /// <summary>
    /// The last <see cref="MudProviders"/> rendered: dialogs and snackbars appear in its markup.
    /// Wait on it (not on the page) for anything they show.
    /// </summary>
    protected IRenderedComponent<MudProviders> Root =>
        _root ?? throw new InvalidOperationException("Call RenderWithProviders or RenderProviders first.");

    /// <summary>Renders <typeparamref name="TComponent"/> inside <see cref="MudProviders"/>, as MainLayout does.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        _root = Render<MudProviders>(p => p.AddChildContent(parameters ?? (_ => { })));
        return _root.FindComponent<TComponent>();
    }

    /// <summary>Renders the providers alone, for dialogs opened through <see cref="IDialogService"/>.</summary>
    protected IRenderedComponent<MudProviders> RenderProviders() => _root = Render<MudProviders>();

    /// <summary>The MudBlazor component of type <typeparamref name="TMud"/> that carries the HTML id <paramref name="id"/>.</summary>
    protected static IRenderedComponent<TMud> FindMud<TMud>(IRenderedComponent<IComponent> parent, string id) where TMud : MudComponentBase =>
        parent.FindComponents<TMud>().Single(c => c.Instance.UserAttributes.TryGetValue("id", out var value) && (string?)value == id);

    /// <summary>Picks a value in a MudSelect as a user would (its popover list is not clickable without a browser).</summary>
    protected static Task SelectAsync<TValue>(IRenderedComponent<IComponent> parent, string id, TValue value)
    {
        var select = FindMud<MudSelect<TValue>>(parent, id);
        return select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    /// <summary>The text next to a MudBlazor input: its helper or error line.</summary>
    protected static string FieldMessage(IRenderedComponent<IComponent> parent, string id) =>
        parent.Find($"#{id}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? string.Empty;

    protected Task<long> CreateCompanyAsync(string name = "Astillero Norte SL", Action<ClientForm>? change = null) =>
        Host.Get<ClientService>().CreateAsync(ClientBuilder.Company(name, change));

    protected Task<long> CreatePersonAsync(string first = "Zofia", string last = "Nowak", Action<ClientForm>? change = null) =>
        Host.Get<ClientService>().CreateAsync(ClientBuilder.Person(first, last, change));

    /// <summary>Inserts many companies in one save ("Company 001", "Company 002", ...), much faster than one service call each.</summary>
    protected async Task<IReadOnlyList<long>> SeedCompaniesAsync(int count, string prefix = "Company")
    {
        await using var db = Host.Db();
        var clients = Enumerable.Range(1, count)
            .Select(i => Client.Create(ClientBuilder.Company($"{prefix} {i:000}"), Host.Clock.GetUtcNow().UtcDateTime)).ToList();
        db.Clients.AddRange(clients);
        await db.SaveChangesAsync();
        return clients.Select(c => c.Id).ToList();
    }

    /// <summary>No service deactivates yet (DEA comes later): flips the status through the entity, as the demo seeder does.</summary>
    protected async Task DeactivateAsync(long clientId)
    {
        await using var db = Host.Db();
        var client = await db.Clients.SingleAsync(c => c.Id == clientId);
        client.Deactivate(Host.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private sealed class FixedActor(Actor actor) : ICurrentActor
    {
        public Task<Actor> GetAsync() => Task.FromResult(actor);
    }
}

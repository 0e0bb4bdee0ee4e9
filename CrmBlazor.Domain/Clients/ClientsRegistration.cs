using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Clients;

public static class ClientsRegistration
{
    /// <summary>Clients and their lists, links, saved filters, export, archive and lifecycle (deactivate / reactivate).</summary>
    public static IServiceCollection AddClients(this IServiceCollection services)
    {
        services.AddScoped<ClientService>();
        services.AddScoped<Listing.ClientDirectory>();
        services.AddSingleton<Listing.ClientPlacement>();
        services.AddScoped<ContactLinkService>();
        services.AddScoped<SavedFilterService>();
        services.AddScoped<ClientCsvExporter>();
        services.AddScoped<Archive.ClientArchiveService>();
        services.AddScoped<Lifecycle.ClientLifecycleService>();
        return services;
    }
}

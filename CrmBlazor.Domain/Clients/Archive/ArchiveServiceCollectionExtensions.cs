using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Clients.Archive;

public static class ArchiveServiceCollectionExtensions
{
    public static IServiceCollection AddClientArchive(this IServiceCollection services) => services.AddScoped<ClientArchiveService>();
}

using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.History;

public static class HistoryRegistration
{
    /// <summary>The client timeline (HIS).</summary>
    public static IServiceCollection AddHistory(this IServiceCollection services)
    {
        services.AddScoped<HistoryService>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Commercial;

public static class CommercialServiceCollectionExtensions
{
    /// <summary>Commercial follow-ups and deals.</summary>
    public static IServiceCollection AddCommercial(this IServiceCollection services)
    {
        // Bound to the "Commercial" section by the web host; defaults (Europe/Madrid) elsewhere.
        services.AddOptions<CommercialOptions>();
        services.AddSingleton<CommercialTime>();
        services.AddScoped<FollowUpService>();
        services.AddScoped<FollowUpQueries>();
        services.AddScoped<DealService>();
        services.AddScoped<DealQueries>();
        return services;
    }
}

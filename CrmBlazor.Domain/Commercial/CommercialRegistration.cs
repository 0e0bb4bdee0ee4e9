using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Commercial;

public static class CommercialRegistration
{
    /// <summary>Commercial follow-ups and deals.</summary>
    public static IServiceCollection AddCommercial(this IServiceCollection services)
    {
        services.AddOptions<CommercialOptions>().BindConfiguration(CommercialOptions.Section); // defaults: Europe/Madrid
        services.AddSingleton<CommercialTime>();
        services.AddScoped<FollowUpService>();
        services.AddScoped<FollowUpQueries>();
        services.AddScoped<DealService>();
        services.AddScoped<DealQueries>();
        return services;
    }
}

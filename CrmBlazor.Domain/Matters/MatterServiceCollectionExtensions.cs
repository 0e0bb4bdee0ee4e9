using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Matters;

public static class MatterServiceCollectionExtensions
{
    /// <summary>Matters, their parties and intervenants, and their reads.</summary>
    public static IServiceCollection AddMatters(this IServiceCollection services)
    {
        services.AddScoped<MatterService>();
        services.AddScoped<MatterPartyService>();
        services.AddScoped<MatterQueries>();
        return services;
    }
}

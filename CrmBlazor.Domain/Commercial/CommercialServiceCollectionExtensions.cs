using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Commercial;

public static class CommercialServiceCollectionExtensions
{
    /// <summary>Commercial follow-ups and deals.</summary>
    public static IServiceCollection AddCommercial(this IServiceCollection services)
    {
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Matters;

public static class MattersRegistration
{
    /// <summary>Matters, their parties and intervenants, their reads, activities, the client split, transfers and matter proformas.</summary>
    public static IServiceCollection AddMatters(this IServiceCollection services)
    {
        services.AddScoped<MatterService>();
        services.AddScoped<MatterPartyService>();
        services.AddScoped<MatterQueries>();
        services.AddScoped<Activities.ActivityService>();
        services.AddScoped<Activities.ActivityList>();
        services.AddScoped<Split.SplitService>();
        services.AddScoped<Activities.TransferService>();
        services.AddScoped<Activities.MatterProformaService>();
        return services;
    }
}

using CrmBlazor.Domain.Matters.Split;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Matters.Activities;

public static class ActivityServiceCollectionExtensions
{
    /// <summary>Activities, the client split, transfers and matter proformas.</summary>
    public static IServiceCollection AddMatterActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityService>();
        services.AddScoped<ActivityList>();
        services.AddScoped<SplitService>();
        services.AddScoped<TransferService>();
        services.AddScoped<MatterProformaService>();
        return services;
    }
}

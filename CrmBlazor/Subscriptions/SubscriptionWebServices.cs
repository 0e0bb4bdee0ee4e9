using CrmBlazor.Domain.Subscriptions;

namespace CrmBlazor.Subscriptions;

public static class SubscriptionWebServices
{
    /// <summary>Binds "Subscriptions" in appsettings.json and runs the billing scheduler.</summary>
    public static IServiceCollection AddSubscriptionScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SubscriptionOptions>(configuration.GetSection(SubscriptionOptions.Section));
        services.AddHostedService<SubscriptionScheduler>();
        return services;
    }
}

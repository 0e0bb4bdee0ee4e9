using CrmBlazor.Domain.Clients.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Subscriptions;

public static class SubscriptionServiceCollectionExtensions
{
    /// <summary>Subscriptions, their billing, and deactivating/reactivating clients. The host adds the scheduler (<see cref="SubscriptionScheduler"/>).</summary>
    public static IServiceCollection AddSubscriptionsAndLifecycle(this IServiceCollection services)
    {
        services.AddScoped<SubscriptionService>();
        services.AddScoped<SubscriptionBilling>();
        services.AddScoped<ClientLifecycleService>();
        return services;
    }
}

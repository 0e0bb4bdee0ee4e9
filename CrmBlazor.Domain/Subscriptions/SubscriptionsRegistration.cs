using CrmBlazor.Domain.Clients.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Subscriptions;

public static class SubscriptionsRegistration
{
    /// <summary>Subscriptions and their billing. The host adds the scheduler (<see cref="SubscriptionScheduler"/>).</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section);
        services.AddScoped<SubscriptionService>();
        services.AddScoped<SubscriptionBilling>();
        return services;
    }
}

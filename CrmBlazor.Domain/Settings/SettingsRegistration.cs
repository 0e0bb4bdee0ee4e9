using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Settings;

public static class SettingsRegistration
{
    /// <summary>The organisation's settings.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddScoped<SettingsService>();
        return services;
    }
}

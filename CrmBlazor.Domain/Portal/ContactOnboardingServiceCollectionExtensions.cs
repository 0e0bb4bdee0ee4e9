using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Portal;

public static class ContactOnboardingServiceCollectionExtensions
{
    /// <summary>New contacts, their portal access, welcome and set-password emails (CON-1..CON-6).</summary>
    public static IServiceCollection AddContactOnboarding(this IServiceCollection services)
    {
        services.AddSingleton<PortalEmails>();
        services.AddScoped<ContactOnboardingService>();
        services.AddScoped<SetPasswordService>();
        return services;
    }
}

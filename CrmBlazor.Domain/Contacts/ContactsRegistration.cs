using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Contacts;

public static class ContactsRegistration
{
    /// <summary>New contacts of a company and their portal access (CON-1..CON-6).</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddScoped<ContactOnboardingService>();
        return services;
    }
}

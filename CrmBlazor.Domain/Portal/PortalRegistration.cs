using CrmBlazor.Domain.Contacts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Portal;

public static class PortalRegistration
{
    /// <summary>Portal sessions and sign-in, and the portal's modules.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddScoped<PortalSessions>();
        services.AddScoped<PortalSignIn>();
        services.AddSingleton<IPasswordHasher<PortalAccount>, PasswordHasher<PortalAccount>>();
        services.AddSingleton<PortalPasswords>();
        services.AddScoped<PortalDocuments>().AddScoped<PortalMatters>().AddScoped<PortalSupport>().AddScoped<PortalSupportDesk>();
        services.AddSingleton<PortalEmails>();
        services.AddScoped<SetPasswordService>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Users;

public static class UsersRegistration
{
    /// <summary>Staff users and their profiles.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<UserAdminService>();
        return services;
    }
}

namespace CrmBlazor.Sending.Public;

public static class PublicPageServices
{
    /// <summary>The public document pages: their options ("PublicPages") and the per-address miss limit.</summary>
    public static IServiceCollection AddPublicPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicPageOptions>(configuration.GetSection(PublicPageOptions.Section));
        services.AddSingleton<PublicMissLimiter>();
        return services;
    }
}

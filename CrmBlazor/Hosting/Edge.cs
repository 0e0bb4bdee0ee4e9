namespace CrmBlazor.Hosting;

/// <summary>What a production deployment behind a reverse proxy needs first in the pipeline.</summary>
public static class Edge
{
    public static IServiceCollection AddCrmEdge(this IServiceCollection services, IConfiguration configuration) =>
        services.AddReverseProxySupport(configuration).AddCrmKeyRing(configuration);

    /// <summary>
    /// Forwarded headers first (everything after sees the client's address and scheme), then relative redirects and
    /// the hub's origin check. Host filtering (AllowedHosts) runs before all of it: WebApplication adds it itself.
    /// </summary>
    public static IApplicationBuilder UseCrmEdge(this IApplicationBuilder app) =>
        app.UseForwardedHeaders().UseRelativeRedirects().UseBlazorHubOriginCheck();
}

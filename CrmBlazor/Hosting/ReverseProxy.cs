using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CrmBlazor.Hosting;

/// <summary>"ReverseProxy" in appsettings.json: who may tell the app the client's address and scheme.</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Proxy addresses ("10.0.0.5"). With both lists empty only loopback is trusted (a proxy on the same host).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR ("10.0.0.0/24").</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are applied only when the connection comes from a trusted proxy; from
/// anyone else they are ignored, so the miss limiter, view logs and payments see the connection's own address.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Behind a chain of trusted proxies the client is the first address, reading from the right, that is not one of them.
            o.ForwardLimit = null;
            if (proxies.KnownProxies.Length + proxies.KnownNetworks.Length == 0) return; // the framework's default: loopback only
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in proxies.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });
        return services;
    }
}

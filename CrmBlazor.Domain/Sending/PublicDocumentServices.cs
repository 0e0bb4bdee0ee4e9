using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Sending;

public static class PublicDocumentServices
{
    /// <summary>The public page of documents (token-authorised) and the staff side of its links.</summary>
    public static IServiceCollection AddPublicDocumentServices(this IServiceCollection services)
    {
        services.AddScoped<PublicDocumentService>();
        services.AddScoped<DocumentAnswering>();
        services.AddScoped<PublicLinkService>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Documents;

public static class DocumentsRegistration
{
    /// <summary>Documents, their list, stored PDFs and holds.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentService>();
        services.AddScoped<DocumentList>();
        services.AddScoped<DocumentPdfStore>();
        services.AddScoped<DocumentHoldService>();
        return services;
    }
}

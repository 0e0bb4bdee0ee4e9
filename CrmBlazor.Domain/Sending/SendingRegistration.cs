using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Sending;

public static class SendingRegistration
{
    /// <summary>Sending documents by email, their public links and the client's answers. The host supplies IDocumentPdfSource.</summary>
    public static IServiceCollection AddSending(this IServiceCollection services)
    {
        services.AddOptions<SendingOptions>().BindConfiguration(SendingOptions.Section);
        services.AddSingleton<DocumentMailer>();
        services.AddScoped<DocumentSendingService>();
        services.AddScoped<PublicDocumentService>();
        services.AddScoped<DocumentAnswering>();
        services.AddScoped<PublicLinkService>();
        return services;
    }
}

using CrmBlazor.Domain.Sending;

namespace CrmBlazor.Sending;

public static class SendingWebServices
{
    /// <summary>The PDF source for emails: the same document component the screen shows, printed by Chromium.</summary>
    public static IServiceCollection AddDocumentSendingWeb(this IServiceCollection services)
    {
        services.AddScoped<IDocumentPdfSource, SystemDocumentPdfSource>();
        return services;
    }
}

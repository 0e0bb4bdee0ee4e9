using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Sending;

public static class SendingServiceCollectionExtensions
{
    /// <summary>Sending by email, payment reminders and holds. The host supplies <see cref="IDocumentPdfSource"/> and binds the options.</summary>
    public static IServiceCollection AddDocumentSending(this IServiceCollection services)
    {
        services.AddOptions();
        services.AddSingleton<DocumentMailer>();
        services.AddScoped<DocumentSendingService>();
        services.AddScoped<DocumentHoldService>();
        services.AddScoped<ReminderService>();
        services.AddScoped<ReminderSettingsService>();
        return services;
    }
}

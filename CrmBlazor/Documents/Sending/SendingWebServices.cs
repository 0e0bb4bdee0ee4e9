using CrmBlazor.Domain.Reminders;
using CrmBlazor.Domain.Sending;

namespace CrmBlazor.Documents.Sending;

public static class SendingWebServices
{
    /// <summary>The PDF source for emails, the options under "Reminders", and the reminder scheduler.</summary>
    public static IServiceCollection AddDocumentSendingWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));
        services.AddScoped<IDocumentPdfSource, SystemDocumentPdfSource>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}

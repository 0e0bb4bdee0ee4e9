using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBlazor.Domain.Mail;

public static class MailRegistration
{
    /// <summary>The outbox, its transport (SMTP or pickup folder), the background sender and the Mail list.</summary>
    public static IServiceCollection AddCrmMail(this IServiceCollection services, MailOptions options, string repositoryRoot)
    {
        if (options.Lease <= options.Smtp.Timeout * 2)
            throw new InvalidOperationException("Mail:Lease must be more than twice Mail:Smtp:Timeout (a claim must outlast a send).");
        if (!Path.IsPathRooted(options.PickupFolder))
            options.PickupFolder = Path.GetFullPath(Path.Combine(repositoryRoot, options.PickupFolder));
        services.Replace(ServiceDescriptor.Singleton(options));
        services.AddSingleton<IMailTransport>(options.Mode == MailMode.Smtp
            ? new SmtpMailTransport(options.Smtp)
            : new PickupFolderTransport(options.PickupFolder));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor, OutboxWakeUp>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService<OutboxWorker>();
        services.AddScoped<MailList>();
        return services;
    }
}

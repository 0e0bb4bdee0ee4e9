using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Domain.Reminders;

public static class RemindersRegistration
{
    /// <summary>Payment reminders and their settings. The host runs the scheduler (ReminderScheduler).</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddScoped<ReminderService>();
        services.AddScoped<ReminderSettingsService>();
        return services;
    }
}

using CrmBlazor.Domain.Sending;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Hosting.Validation;

public static class ValidationServices
{
    /// <summary>Options checked before the app does anything (StartupTasks runs the checks first).</summary>
    public static IServiceCollection AddStartupValidation(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SendingOptions>, SendingOptionsValidator>();
        services.AddOptions<SendingOptions>().ValidateOnStart();
        return services;
    }
}

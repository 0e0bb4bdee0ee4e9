namespace CrmBlazor.Hosting.Commands;

/// <summary>
/// Commands of the app (<c>CrmBlazor create-admin ...</c>, <c>CrmBlazor backup ...</c>) run on the app as built, with
/// its configuration and services, and exit without starting the web server. Anything else starts the app.
/// </summary>
public static class HostCommands
{
    private static readonly string[] Names = [CreateAdminCommand.Name, BackupCommand.Name];

    /// <summary>True when the arguments named a command and it ran (its exit code is set); false: start the app.</summary>
    public static async Task<bool> TryRunAsync(IHost app, string[] args)
    {
        try
        {
            if (CommandLine.Parse(args, Names) is not { } command) return false;
            Environment.ExitCode = command.Name == CreateAdminCommand.Name
                ? await CreateAdminCommand.RunAsync(app.Services, command, () => PasswordPrompt.Read(Console.Error), Console.Out)
                : await BackupCommand.RunAsync(app.Services, command, Console.Out);
        }
        catch (CommandException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            Environment.ExitCode = 1;
        }
        return true;
    }
}

using System.Text;

namespace CrmBlazor.Hosting.Commands;

/// <summary>Reads a password from the terminal without echo, or the first line of stdin when it is not a terminal.</summary>
public static class PasswordPrompt
{
    public static string Read(TextWriter prompts)
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine() ?? string.Empty;
        var first = ReadHidden(prompts, "Password: ");
        var again = ReadHidden(prompts, "Password again: ");
        if (first != again) throw new CommandException("create-admin: the two passwords differ; nothing was created");
        return first;
    }

    private static string ReadHidden(TextWriter prompts, string prompt)
    {
        prompts.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        prompts.WriteLine();
        return text.ToString();
    }
}

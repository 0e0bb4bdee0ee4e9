namespace CrmBlazor.Hosting.Commands;

/// <summary>"command --name value ..." after the program name; the same arguments also reach the configuration, harmlessly.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;

    private CommandLine(string name, Dictionary<string, string> options)
    {
        Name = name;
        _options = options;
    }

    public string Name { get; }

    public static CommandLine? Parse(string[] args, IReadOnlyCollection<string> commands)
    {
        if (args.Length == 0 || !commands.Contains(args[0])) return null;
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new CommandException($"{args[0]}: unexpected '{args[i]}'");
            var key = args[i][2..];
            var equals = key.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0) options[key[..equals]] = key[(equals + 1)..];
            else if (i + 1 < args.Length) options[key] = args[++i];
            else throw new CommandException($"{args[0]}: --{key} needs a value");
        }
        return new CommandLine(args[0], options);
    }

    public string? Optional(string option) => _options.TryGetValue(option, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

    public string Required(string option, string example) =>
        Optional(option) ?? throw new CommandException($"{Name}: --{option} is required, e.g. {Name} --{option} {example}");
}

/// <summary>A command cannot do what it was asked: its message is the one line printed, the exit code is 1.</summary>
public sealed class CommandException(string message) : Exception(message);

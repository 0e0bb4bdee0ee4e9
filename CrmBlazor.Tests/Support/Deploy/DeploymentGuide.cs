namespace CrmBlazor.Tests.Support.Deploy;

/// <summary>
/// The files the README's deployment guide shows (docs/deploy), read as a host would install them. Tests change only
/// what must differ on a test machine (ports, paths, the test database and mail server), each by an exact
/// replacement that fails loudly when the guide's file no longer has that line.
/// </summary>
public static class DeploymentGuide
{
    public static string Folder => Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "docs", "deploy");

    public static string NginxSite => Read("nginx-crmblazor.conf");

    /// <summary>The environment an instance gets from systemd: the environment file, then the unit's own lines for instance <paramref name="instance"/>.</summary>
    public static Dictionary<string, string> InstanceEnvironment(string instance)
    {
        var environment = ParseAssignments(Read("crmblazor.env").Split('\n'));
        var unitLines = Read("crmblazor@.service").Split('\n')
            .Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Replace("%i", instance, StringComparison.Ordinal));
        foreach (var (key, value) in ParseAssignments(unitLines)) environment[key] = value;
        return environment;
    }

    /// <summary>The unit's ExecStart, e.g. /opt/crmblazor/CrmBlazor.</summary>
    public static string ExecStart => Read("crmblazor@.service").Split('\n')
        .Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..].Trim();

    public static string Replace(string text, string find, string with) =>
        text.Contains(find, StringComparison.Ordinal)
            ? text.Replace(find, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"The deployment guide's file no longer contains '{find}'.");

    private static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    private static Dictionary<string, string> ParseAssignments(IEnumerable<string> lines)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var at = line.IndexOf('=');
            result[line[..at]] = line[(at + 1)..];
        }
        return result;
    }
}

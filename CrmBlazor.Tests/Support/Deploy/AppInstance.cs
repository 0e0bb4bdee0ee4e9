using System.Diagnostics;
using System.Text;

namespace CrmBlazor.Tests.Support.Deploy;

/// <summary>
/// One instance of the published app in its own process, started the way the systemd unit starts it (its
/// environment, its working folder), stopped with SIGTERM as systemd stops it. Its console is kept for assertions.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _executable;
    private readonly string _readyPath;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <param name="executable">Null: the deployment guide's ExecStart, in <paramref name="folder"/>.</param>
    public AppInstance(string name, string folder, int port, IReadOnlyDictionary<string, string> environment,
        string? executable = null, string readyPath = "/health/ready")
    {
        Name = name;
        Port = port;
        _folder = folder;
        _environment = environment;
        _executable = executable ?? DeploymentGuide.ExecStart.Replace("/opt/crmblazor", folder, StringComparison.Ordinal);
        _readyPath = readyPath;
    }

    public string Name { get; }
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>What systemd does on stop or restart: SIGTERM, then wait for the app to finish its shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Instance {Name} did not stop within 30 s of SIGTERM.\n{Log}");
        }
    }

    public int ProcessId => _process!.Id;

    /// <summary>CPU time the process has used so far (user + system), from /proc.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process!.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>Resident memory of the process now, from /proc.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process!.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"Instance {Name} exited with {_process.ExitCode}.\n{Log}");
            try
            {
                if ((await http.GetAsync(Url + _readyPath)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Instance {Name} was not ready within 90 s.\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException) { }
        _process?.Dispose();
    }
}

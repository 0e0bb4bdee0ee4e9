using System.Diagnostics;

namespace CrmBlazor.Tests.Support.Perf;

/// <summary>
/// The floor for live-page benchmarks: the SDK's own Blazor Server template (`dotnet new blazor -int Server`) with a
/// singleton notifier and a page of 50 rows that re-renders when one is renamed — the least a live list can cost.
/// Made from the template on each benchmark run, built, and run as its own process.
/// </summary>
public sealed class FloorApp : IAsyncDisposable
{
    private const string Notifier = """
        namespace FloorApp;

        public sealed class Notifier
        {
            private readonly string[] _names = Enumerable.Range(1, 50).Select(i => $"Row {i:00}").ToArray();
            public event Func<Task>? Changed;
            public IReadOnlyList<string> Names => _names;

            public async Task RenameAsync(int row, string name)
            {
                _names[row] = name;
                if (Changed is { } changed) await changed();
            }
        }
        """;

    private const string HomePage = """
        @page "/"
        @rendermode InteractiveServer
        @implements IDisposable
        @inject FloorApp.Notifier Rows

        <input id="name" @bind="_name" />
        <button id="rename" @onclick="RenameAsync">Rename</button>
        <table id="rows">
            @foreach (var (name, i) in Rows.Names.Select((n, i) => (n, i)))
            {
                <tr @key="i"><td class="row-name">@name</td></tr>
            }
        </table>
        <span id="circuit-ready"></span>

        @code {
            private string _name = "";
            protected override void OnInitialized() => Rows.Changed += OnChanged;
            private Task OnChanged() => InvokeAsync(StateHasChanged);
            private Task RenameAsync() => Rows.RenameAsync(0, _name);
            public void Dispose() => Rows.Changed -= OnChanged;
        }
        """;

    private FloorApp(Deploy.AppInstance process) => Process = process;

    public Deploy.AppInstance Process { get; }

    public static async Task<FloorApp> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "crmblazor-bench", $"floor-{Guid.NewGuid():N}");
        await RunAsync("dotnet", "new", "blazor", "-int", "Server", "--no-https", "-n", "FloorApp", "-o", root);
        await File.WriteAllTextAsync(Path.Combine(root, "Notifier.cs"), Notifier);
        await File.WriteAllTextAsync(Path.Combine(root, "Components", "Pages", "Home.razor"), HomePage);
        var program = Path.Combine(root, "Program.cs");
        var source = await File.ReadAllTextAsync(program);
        await File.WriteAllTextAsync(program, source.Replace("var app = builder.Build();",
            "builder.Services.AddSingleton<FloorApp.Notifier>();\nvar app = builder.Build();", StringComparison.Ordinal));
        var output = Path.Combine(root, "out");
        await RunAsync("dotnet", "publish", root, "-c", "Release", "-o", output);
        var port = Mail.SmtpTestServer.FreePort();
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
        var process = new Deploy.AppInstance("floor", output, port, environment, Path.Combine(output, "FloorApp"), readyPath: "/");
        await process.StartAsync();
        return new FloorApp(process);
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed:\n{await output}\n{await error}");
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}

using System.Net;
using System.Text.Json;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Operations;
using CrmBlazor.Tests.Support.Mail;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmBlazor.Tests.Operations;

/// <summary>Issue 13: /health/live says the process is up; /health/ready checks the database, its migrations and the outbox backlog.</summary>
public class HealthTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Live_and_ready_answer_200_anonymously_and_an_email_waiting_too_long_makes_ready_degraded_then_unhealthy(DatabaseProvider provider)
    {
        await using var app = await OpsApp.StartAsync(provider);
        using var http = app.CreateClient();

        var live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await ReadyAsync(http);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Code, ready.Status));
        Assert.Equal("Healthy", ready.Checks["database"].Status);
        Assert.Equal(("Healthy", "no email waiting"), (ready.Checks["outbox"].Status, ready.Checks["outbox"].Description));

        await using (var db = app.Db())
        {
            db.Enqueue(MailHost.Draft(), app.Clock.GetUtcNow().UtcDateTime, new MailOptions());
            await db.SaveChangesAsync();
        }
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        ready = await ReadyAsync(http);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Code, ready.Checks["outbox"].Status));

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        ready = await ReadyAsync(http);
        Assert.Equal((HttpStatusCode.OK, "Degraded", "Degraded"), (ready.Code, ready.Status, ready.Checks["outbox"].Status));
        Assert.Contains("1 email(s) waiting, the oldest queued 20 min ago", ready.Checks["outbox"].Description);

        app.Clock.Advance(TimeSpan.FromMinutes(45));
        ready = await ReadyAsync(http);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy", "Unhealthy"), (ready.Code, ready.Status, ready.Checks["outbox"].Status));
        Assert.Contains("65 min ago", ready.Checks["outbox"].Description);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ready_answers_503_when_a_migration_of_this_build_is_not_applied(DatabaseProvider provider)
    {
        await using var app = await OpsApp.StartAsync(provider);
        using var http = app.CreateClient();
        string last;
        await using (var db = app.Db())
        {
            last = (await db.Database.GetAppliedMigrationsAsync()).Max()!;
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {0}""", last);
        }

        var ready = await ReadyAsync(http);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.Code, ready.Checks["database"].Status));
        Assert.Contains($"1 migration(s) not applied: {last}", ready.Checks["database"].Description);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ready_answers_503_without_the_drivers_words_when_the_database_is_gone_while_live_still_answers_200(DatabaseProvider provider)
    {
        await using var app = await OpsApp.StartAsync(provider);
        using var http = app.CreateClient();
        await RemoveDatabaseAsync(app.Database);

        var ready = await ReadyAsync(http);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.Code, ready.Status));
        Assert.Equal("Unhealthy", ready.Checks["database"].Status);
        Assert.DoesNotContain(app.Database.Options.ConnectionString, ready.Body);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    /// <summary>SQLite: the file is deleted (an empty one has no migration applied). PostgreSQL: the database is dropped.</summary>
    private static async Task RemoveDatabaseAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(database.Options.ConnectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(database.Options.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer()) { Database = "postgres" }.ToString());
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    private sealed record Check(string Status, string? Description);

    private sealed record Ready(HttpStatusCode Code, string Status, Dictionary<string, Check> Checks, string Body);

    private static async Task<Ready> ReadyAsync(HttpClient http)
    {
        var response = await http.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(
            c => c.Name, c => new Check(c.Value.GetProperty("status").GetString()!, c.Value.GetProperty("description").GetString()));
        return new Ready(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks, body);
    }
}

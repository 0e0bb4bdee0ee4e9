using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Hosting.Validation;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Tests.Operations;

/// <summary>Issue 13: bad configuration stops the start with one line naming the key and what is expected, exit code 1, no stack trace.</summary>
public class StartupConfigurationTests
{
    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Database__Provider", "Oracle", "Database:Provider: 'Oracle' is not known; expected Sqlite or Postgres" },
        { "Database__ConnectionString", "", "Database:ConnectionString: missing or empty" },
        { "Sending__PublicBaseUrl", "crm.example.com/app", "Sending:PublicBaseUrl: 'crm.example.com/app' is not an absolute http or https URL" },
        { "Mail__Mode", "Carrier pigeon", "at 'Mail:Mode'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task The_published_app_refuses_a_bad_setting_with_one_line_on_stderr_and_exit_code_1(string variable, string value, string expected)
    {
        var run = await AppProcess.RunAsync(new Dictionary<string, string> { [variable] = value }, null);

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        Assert.DoesNotContain("Now listening", run.Output);
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_stops_the_start_with_one_line_naming_the_connection_string_key()
    {
        var closedPort = Support.Mail.SmtpTestServer.FreePort();
        var run = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = $"Host=127.0.0.1;Port={closedPort};Username=crm;Password=never-printed-123;Timeout=3",
        }, null);

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Database:ConnectionString: the Postgres database cannot be reached", line);
        Assert.DoesNotContain("never-printed-123", run.Output + run.Error);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    [Fact]
    public void An_options_validation_failure_from_any_feature_becomes_one_line_and_other_exceptions_are_left_alone()
    {
        var pdf = new OptionsValidationException("Pdf", typeof(object), ["Pdf:ChromiumPath: '/nope' does not exist;\nexpected a Chromium binary"]);
        var two = new OptionsValidationException("Sending", typeof(SendingOptions), ["first", "second"]);

        Assert.Equal("Pdf:ChromiumPath: '/nope' does not exist; expected a Chromium binary", StartupFailure.OneLine(pdf));
        Assert.Equal("first; second", StartupFailure.OneLine(two));
        Assert.Equal("Pdf:ChromiumPath: '/nope' does not exist; expected a Chromium binary; first; second", StartupFailure.OneLine(new AggregateException(pdf, two)));
        Assert.Null(StartupFailure.OneLine(new InvalidOperationException("a bug")));
        Assert.Null(StartupFailure.OneLine(new AggregateException(pdf, new InvalidOperationException("a bug"))));
    }

    [Theory]
    [InlineData("Postgres", "Host=db;Database=crm", DatabaseProvider.Postgres)]
    [InlineData("sqlite", "Data Source=crm.db", DatabaseProvider.Sqlite)]
    [InlineData(null, "Data Source=crm.db", DatabaseProvider.Sqlite)]
    public void Database_settings_accept_the_known_providers_in_any_case(string? provider, string connectionString, DatabaseProvider expected)
    {
        var options = DatabaseSettings.Read(Configuration(("Database:Provider", provider), ("Database:ConnectionString", connectionString)));

        Assert.Equal((expected, connectionString), (options.Provider, options.ConnectionString));
    }

    [Theory]
    [InlineData("Oracle", "Data Source=crm.db", "Database:Provider: 'Oracle' is not known; expected Sqlite or Postgres")]
    [InlineData("7", "Data Source=crm.db", "Database:Provider: '7' is not known")]
    [InlineData("Postgres", null, "Database:ConnectionString: missing or empty; expected a PostgreSQL connection string")]
    [InlineData("Sqlite", "  ", "Database:ConnectionString: missing or empty; expected a SQLite connection string")]
    public void Database_settings_name_the_key_and_what_is_expected(string? provider, string? connectionString, string expected)
    {
        var error = Assert.Throws<StartupConfigurationException>(() =>
            DatabaseSettings.Read(Configuration(("Database:Provider", provider), ("Database:ConnectionString", connectionString))));

        Assert.StartsWith(expected, error.Message);
    }

    [Theory]
    [InlineData("https://crm.example.com", true)]
    [InlineData("http://localhost:5080/", true)]
    [InlineData("ftp://crm.example.com", false)]
    [InlineData("/crm", false)]
    [InlineData("", false)]
    public void The_public_base_url_must_be_an_absolute_http_or_https_url(string url, bool valid)
    {
        var result = new SendingOptionsValidator().Validate(null, new SendingOptions { PublicBaseUrl = url });

        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.StartsWith("Sending:PublicBaseUrl: ", result.FailureMessage);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}

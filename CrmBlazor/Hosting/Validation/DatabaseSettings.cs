using CrmBlazor.Domain.Data;

namespace CrmBlazor.Hosting.Validation;

/// <summary>
/// Reads the "Database" section, which is needed before dependency injection exists (the domain registers its
/// context factory with it). The binder would throw its own exception on an unknown provider; this says which key
/// is wrong and what is expected.
/// </summary>
public static class DatabaseSettings
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "Database:ConnectionString";

    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var provider = DatabaseProvider.Sqlite;
        var name = configuration[ProviderKey];
        if (!string.IsNullOrWhiteSpace(name)
            && (!Enum.TryParse(name.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
            throw new StartupConfigurationException($"{ProviderKey}: '{name}' is not known; expected {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}");

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new StartupConfigurationException(provider == DatabaseProvider.Sqlite
                ? $"{ConnectionStringKey}: missing or empty; expected a SQLite connection string such as 'Data Source=.data/crm.db'"
                : $"{ConnectionStringKey}: missing or empty; expected a PostgreSQL connection string such as 'Host=db;Database=crm;Username=crm'");
        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
    }
}

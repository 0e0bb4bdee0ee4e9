using CrmBlazor.Domain.Data;

namespace CrmBlazor.Tests.Support;

/// <summary>Theory data: every data test runs on SQLite and on PostgreSQL.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> Both => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}

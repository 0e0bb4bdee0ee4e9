using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Contacts;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Reminders;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Domain.Subscriptions;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBlazor.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database, the change feed and every feature's services (each feature registers itself in its
    /// folder's <c>*Registration.cs</c>). The host supplies
    /// <see cref="Common.ICurrentActor"/> (who is signed in).
    /// </summary>
    public static IServiceCollection AddCrmDomain(this IServiceCollection services, DatabaseOptions database, string contentRoot)
    {
        services.AddSingleton(database);
        // Each feature binds its options from its own section; a host without configuration (tests) gets the defaults.
        services.TryAddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton<RowReadGuard>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<RowReadGuard>());
        services.AddSingleton<IInterceptor, SqliteConnectionSettings>();
        services.AddSingleton(sp => new CrmDbContextFactory(database, contentRoot, sp.GetServices<IInterceptor>().ToArray()));
        services.AddSingleton<IDbContextFactory<CrmDbContext>>(sp => sp.GetRequiredService<CrmDbContextFactory>());
        services.AddSingleton<SqliteCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        // Identity's stores want a scoped context; they only run inside short HTTP requests, never in a circuit.
        services.AddScoped(sp => sp.GetRequiredService<CrmDbContextFactory>().CreateDbContext());

        services.TryAddSingleton(TimeProvider.System);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Several instances share one PostgreSQL database: the feed crosses them through LISTEN / NOTIFY.
            services.TryAddSingleton<PostgresChangeTransport>();
            services.TryAddSingleton<IChangeTransport>(sp => sp.GetRequiredService<PostgresChangeTransport>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeTransport>());
        }
        services.TryAddSingleton<IChangeTransport, InProcessChangeTransport>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<ChangeReads>();
        // Services that queue mail need its options even where no sender runs; AddCrmMail replaces these.
        services.TryAddSingleton(new Mail.MailOptions());

        services.AddClients().AddContacts().AddDocuments().AddSending().AddReminders().AddPayments().AddSubscriptions()
            .AddMatters().AddPortal().AddCommercial().AddHistory().AddUsers().AddSettings();
        return services;
    }
}

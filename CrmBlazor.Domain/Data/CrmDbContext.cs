using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Reminders;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Data;

/// <summary>
/// The one model. Each provider has a thin subclass so that each keeps its own migration set.
/// Services create one per operation from <see cref="CrmDbContextFactory"/>; a circuit never holds one.
/// It also holds the ASP.NET Core Data Protection key ring, so every instance reads the same keys.
/// </summary>
public abstract class CrmDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ContactLink> ContactLinks => Set<ContactLink>();
    public DbSet<HistoryEvent> History => Set<HistoryEvent>();
    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentLine> DocumentLines => Set<DocumentLine>();
    public DbSet<DocumentRelation> DocumentRelations => Set<DocumentRelation>();
    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();
    public DbSet<DocumentPdf> DocumentPdfs => Set<DocumentPdf>();
    public DbSet<OrganisationSettings> Settings => Set<OrganisationSettings>();
    public DbSet<TaxRate> TaxRates => Set<TaxRate>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();
    public DbSet<PublicLink> PublicLinks => Set<PublicLink>();
    public DbSet<PublicLinkView> PublicLinkViews => Set<PublicLinkView>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();
    public DbSet<PaymentEvent> PaymentEvents => Set<PaymentEvent>();
    public DbSet<ReminderSent> RemindersSent => Set<ReminderSent>();
    public DbSet<Subscriptions.Subscription> Subscriptions => Set<Subscriptions.Subscription>();
    public DbSet<Subscriptions.SubscriptionLine> SubscriptionLines => Set<Subscriptions.SubscriptionLine>();
    public DbSet<Subscriptions.SubscriptionInvoice> SubscriptionInvoices => Set<Subscriptions.SubscriptionInvoice>();
    public DbSet<Matters.Matter> Matters => Set<Matters.Matter>();
    public DbSet<Matters.MatterParty> MatterParties => Set<Matters.MatterParty>();
    public DbSet<Matters.MatterIntervenant> MatterIntervenants => Set<Matters.MatterIntervenant>();
    public DbSet<Matters.Activity> Activities => Set<Matters.Activity>();
    public DbSet<Matters.ActivityShare> ActivityShares => Set<Matters.ActivityShare>();
    public DbSet<Matters.MatterSplit> MatterSplits => Set<Matters.MatterSplit>();
    public DbSet<Portal.PortalAccount> PortalAccounts => Set<Portal.PortalAccount>();
    public DbSet<Portal.SetPasswordToken> SetPasswordTokens => Set<Portal.SetPasswordToken>();
    public DbSet<Portal.SupportMessage> SupportMessages => Set<Portal.SupportMessage>();
    public DbSet<Commercial.FollowUp> FollowUps => Set<Commercial.FollowUp>();
    public DbSet<Commercial.Deal> Deals => Set<Commercial.Deal>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
    }
}

public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options);

public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options) : CrmDbContext(options);

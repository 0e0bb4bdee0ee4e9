using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Domain.Data.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.Property(s => s.Title).HasMaxLength(Subscription.TitleMax);
        b.Property(s => s.EndedBy).HasMaxLength(200);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.NetPerPeriodMinor);
        b.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Cascade);
        // The billing run: active subscriptions due by a date. The client tab: by client.
        b.HasIndex(s => new { s.Status, s.NextInvoiceDate });
        b.HasIndex(s => s.ClientId);
    }
}

internal sealed class SubscriptionLineConfiguration : IEntityTypeConfiguration<SubscriptionLine>
{
    public void Configure(EntityTypeBuilder<SubscriptionLine> b)
    {
        b.Property(l => l.Description).HasMaxLength(LineInput.DescriptionMax);
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.Quantity).HasPrecision(18, 3);
        b.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        b.Ignore(l => l.NetMinor);
        b.HasOne<TaxRate>().WithMany().HasForeignKey(l => l.TaxRateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.SubscriptionId, l.Position });
    }
}

internal sealed class SubscriptionInvoiceConfiguration : IEntityTypeConfiguration<SubscriptionInvoice>
{
    public void Configure(EntityTypeBuilder<SubscriptionInvoice> b)
    {
        b.HasOne<Subscription>().WithMany().HasForeignKey(i => i.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Document>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.SetNull);
        // The exactly-once guard of billing.
        b.HasIndex(i => new { i.SubscriptionId, i.PeriodStart }).IsUnique().HasDatabaseName(UniqueIndexes.SubscriptionInvoicePerPeriod);
        b.HasIndex(i => i.DocumentId);
    }
}

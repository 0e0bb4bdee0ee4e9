using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Domain.Data.Configurations;

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> b)
    {
        b.Property(m => m.Number).HasMaxLength(Matter.NumberMax);
        b.Property(m => m.Title).HasMaxLength(Matter.TitleMax);
        b.Property(m => m.ResponsibleUserId).HasMaxLength(450);
        b.Property(m => m.Currency).HasMaxLength(3);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasMany(m => m.Parties).WithOne().HasForeignKey(p => p.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Parties).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(m => m.Intervenants).WithOne().HasForeignKey(i => i.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Intervenants).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(m => m.Number).IsUnique();
        // The matters list: open ones first by number, keyset paged.
        b.HasIndex(m => new { m.Status, m.Number, m.Id });
    }
}

internal sealed class MatterPartyConfiguration : IEntityTypeConfiguration<MatterParty>
{
    public void Configure(EntityTypeBuilder<MatterParty> b)
    {
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.MatterId, p.ClientId }).IsUnique();
        // A client's or contact's page: its matters, and those where it is active (MAT-10).
        b.HasIndex(p => new { p.ClientId, p.IsActive });
    }
}

internal sealed class MatterIntervenantConfiguration : IEntityTypeConfiguration<MatterIntervenant>
{
    public void Configure(EntityTypeBuilder<MatterIntervenant> b)
    {
        b.HasKey(i => new { i.MatterId, i.UserId });
        b.Property(i => i.UserId).HasMaxLength(450);
        b.HasIndex(i => i.UserId);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.Property(a => a.Description).HasMaxLength(Activity.DescriptionMax);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Matter>().WithMany().HasForeignKey(a => a.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Restrict);
        // The matter's activity list (newest first) and the split's set-based statements (its unbilled common activities).
        b.HasIndex(a => new { a.MatterId, a.Date, a.Id });
        b.HasIndex(a => new { a.MatterId, a.BilledAt, a.ClientId });
        b.HasIndex(a => a.DocumentId);
    }
}

internal sealed class ActivityShareConfiguration : IEntityTypeConfiguration<ActivityShare>
{
    public void Configure(EntityTypeBuilder<ActivityShare> b)
    {
        b.HasKey(s => new { s.ActivityId, s.ClientId });
        b.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.ClientId);
    }
}

internal sealed class MatterSplitConfiguration : IEntityTypeConfiguration<MatterSplit>
{
    public void Configure(EntityTypeBuilder<MatterSplit> b)
    {
        b.HasKey(s => new { s.MatterId, s.ClientId });
        b.HasOne<Matter>().WithMany().HasForeignKey(s => s.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

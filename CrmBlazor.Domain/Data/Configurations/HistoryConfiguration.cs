using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Domain.Data.Configurations;

internal sealed class HistoryConfiguration : IEntityTypeConfiguration<HistoryEvent>
{
    public void Configure(EntityTypeBuilder<HistoryEvent> b)
    {
        b.Property(h => h.ActorName).HasMaxLength(200);
        b.Property(h => h.Text).HasMaxLength(4000);
        b.HasOne<Clients.Client>().WithMany().HasForeignKey(h => h.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Matters.Matter>().WithMany().HasForeignKey(h => h.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_History_OneTimeline", "(\"ClientId\" IS NULL) <> (\"MatterId\" IS NULL)"));
        b.HasIndex(h => new { h.ClientId, h.Id });
        b.HasIndex(h => new { h.ClientId, h.Kind, h.Id });
        b.HasIndex(h => new { h.MatterId, h.Id });
    }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.Subject).HasMaxLength(300);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Culture).HasMaxLength(5);
    }
}

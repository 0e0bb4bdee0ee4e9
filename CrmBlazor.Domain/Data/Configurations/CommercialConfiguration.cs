using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Domain.Data.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.Property(f => f.AssignedUserId).HasMaxLength(450);
        b.Property(f => f.CreatedByUserId).HasMaxLength(450);
        b.Property(f => f.CompletedByUserId).HasMaxLength(450);
        b.Property(f => f.Notes).HasMaxLength(FollowUp.NotesMax);
        b.Property(f => f.Outcome).HasMaxLength(FollowUp.OutcomeMax);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne<Client>().WithMany().HasForeignKey(f => f.ClientId).OnDelete(DeleteBehavior.Cascade);
        // "My follow-ups": a salesperson's open ones by due time; and the nav count.
        b.HasIndex(f => new { f.AssignedUserId, f.CompletedAt, f.DueAt });
        // A client's Commercial tab.
        b.HasIndex(f => new { f.ClientId, f.DueAt });
    }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> b)
    {
        b.Property(d => d.Title).HasMaxLength(Deal.TitleMax);
        b.Property(d => d.Currency).HasMaxLength(3);
        b.Property(d => d.OwnerUserId).HasMaxLength(450);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Client>().WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Document>().WithMany().HasForeignKey(d => d.QuoteDocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(d => new { d.Stage, d.ExpectedClose, d.Id });
        b.HasIndex(d => d.ClientId);
    }
}

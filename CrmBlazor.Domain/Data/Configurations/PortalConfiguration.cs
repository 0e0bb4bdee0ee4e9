using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Domain.Data.Configurations;

internal sealed class PortalAccountConfiguration : IEntityTypeConfiguration<PortalAccount>
{
    public void Configure(EntityTypeBuilder<PortalAccount> b)
    {
        b.Property(a => a.PasswordHash).HasMaxLength(200);
        b.Property(a => a.SecurityStamp).HasMaxLength(40);
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // One portal login per contact.
        b.HasIndex(a => a.PersonId).IsUnique().HasDatabaseName(UniqueIndexes.PortalAccountPerPerson);
        b.HasIndex(a => a.CustomerId);
    }
}

internal sealed class SetPasswordTokenConfiguration : IEntityTypeConfiguration<SetPasswordToken>
{
    public void Configure(EntityTypeBuilder<SetPasswordToken> b)
    {
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasOne<PortalAccount>().WithMany().HasForeignKey(t => t.PortalAccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.PortalAccountId);
    }
}

internal sealed class SupportMessageConfiguration : IEntityTypeConfiguration<SupportMessage>
{
    public void Configure(EntityTypeBuilder<SupportMessage> b)
    {
        b.Property(m => m.Body).HasMaxLength(SupportMessage.BodyMax);
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.StaffUserId).HasMaxLength(450);
        b.HasOne<Client>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PortalAccount>().WithMany().HasForeignKey(m => m.PortalAccountId).OnDelete(DeleteBehavior.SetNull);
        // The thread, oldest first.
        b.HasIndex(m => new { m.CustomerId, m.Id });
    }
}

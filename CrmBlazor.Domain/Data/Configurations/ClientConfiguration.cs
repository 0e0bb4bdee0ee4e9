using CrmBlazor.Domain.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Domain.Data.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.Property(c => c.Name).HasMaxLength(ClientForm.NameMax);
        b.Property(c => c.FirstName).HasMaxLength(ClientForm.ShortMax);
        b.Property(c => c.LastName).HasMaxLength(ClientForm.ShortMax);
        b.Property(c => c.Email).HasMaxLength(ClientForm.EmailMax);
        b.Property(c => c.EmailLower).HasMaxLength(ClientForm.EmailMax);
        b.Property(c => c.NameFolded).HasMaxLength(ClientForm.NameMax);
        b.Property(c => c.CityFolded).HasMaxLength(ClientForm.ShortMax);
        b.Property(c => c.CountryFolded).HasMaxLength(ClientForm.ShortMax);
        b.Property(c => c.Phone).HasMaxLength(40);
        b.Property(c => c.VatId).HasMaxLength(30);
        b.Property(c => c.Street).HasMaxLength(ClientForm.NameMax);
        b.Property(c => c.PostalCode).HasMaxLength(20);
        b.Property(c => c.City).HasMaxLength(ClientForm.ShortMax);
        b.Property(c => c.Country).HasMaxLength(ClientForm.ShortMax);
        b.Property(c => c.Language).HasMaxLength(5);
        b.Property(c => c.Currency).HasMaxLength(3);
        b.Property(c => c.SortKey).HasMaxLength(ClientForm.NameMax + 1);
        b.Property(c => c.SearchText).HasMaxLength(800);
        b.Property(c => c.Version).IsConcurrencyToken();

        b.OwnsOne(c => c.Notifications, n =>
        {
            n.Property(x => x.Invoice).HasColumnName("NotifyInvoice");
            n.Property(x => x.CreditNote).HasColumnName("NotifyCreditNote");
            n.Property(x => x.Estimate).HasColumnName("NotifyEstimate");
            n.Property(x => x.Tickets).HasColumnName("NotifyTickets");
            n.Property(x => x.Project).HasColumnName("NotifyProject");
            n.Property(x => x.Contract).HasColumnName("NotifyContract");
            n.Property(x => x.Task).HasColumnName("NotifyTask");
        });
        b.Navigation(c => c.Notifications).IsRequired();

        b.HasMany(c => c.Contacts).WithOne(l => l.Company).HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Companies).WithOne(l => l.Person).HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Companies).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The list's access paths: every sort order for the directory and per status, plus the unique login email.
        b.HasIndex(c => new { c.Kind, c.SortKey, c.Id });
        b.HasIndex(c => new { c.Kind, c.Status, c.SortKey, c.Id });
        b.HasIndex(c => new { c.Kind, c.City, c.Id });
        b.HasIndex(c => new { c.Kind, c.CreatedAt, c.Id });
        b.HasIndex(c => c.EmailLower).IsUnique().HasFilter("\"Kind\" = 1 AND \"EmailLower\" <> ''").HasDatabaseName(UniqueIndexes.PersonEmail);
    }
}

internal sealed class ContactLinkConfiguration : IEntityTypeConfiguration<ContactLink>
{
    public void Configure(EntityTypeBuilder<ContactLink> b)
    {
        b.Property(l => l.Position).HasMaxLength(ClientForm.ShortMax);
        b.HasIndex(l => new { l.CompanyId, l.PersonId }).IsUnique().HasDatabaseName(UniqueIndexes.ContactLinkPair);
        b.HasIndex(l => l.PersonId);
        // At most one primary contact per company, whatever races happen (CON-2).
        b.HasIndex(l => l.CompanyId).IsUnique().HasFilter("\"IsPrimary\"").HasDatabaseName(UniqueIndexes.ContactLinkOnePrimary);
    }
}

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> b)
    {
        b.Property(f => f.Name).HasMaxLength(100);
        b.Property(f => f.Query).HasMaxLength(SavedFilter.QueryMax);
        b.HasIndex(f => new { f.OwnerUserId, f.ListKind, f.Name }).IsUnique();
    }
}

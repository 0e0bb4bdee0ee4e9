using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Domain.Data.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(d => d.Number).HasMaxLength(40);
        b.Property(d => d.Language).HasMaxLength(5);
        b.Property(d => d.Currency).HasMaxLength(3);
        b.Property(d => d.Notes).HasMaxLength(DocumentForm.NotesMax);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Property(d => d.ResponseName).HasMaxLength(200);
        b.Property(d => d.ResponseComment).HasMaxLength(2000);
        b.Property(d => d.ResponseFrom).HasMaxLength(64);
        b.Ignore(d => d.BalanceMinor);
        b.Ignore(d => d.CanBeAnswered);
        b.Ignore(d => d.CanBePaid);
        b.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Client>().WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Restrict);

        // A number is unique per type; the list's access paths: by client, and by type/status, newest first.
        b.HasIndex(d => new { d.Type, d.Number }).IsUnique().HasFilter("\"Number\" IS NOT NULL");
        b.HasIndex(d => new { d.ClientId, d.IssueDate, d.Id });
        b.HasIndex(d => new { d.Type, d.Status, d.IssueDate, d.Id });
        b.HasIndex(d => new { d.IssueDate, d.Id });
    }
}

internal sealed class DocumentLineConfiguration : IEntityTypeConfiguration<DocumentLine>
{
    public void Configure(EntityTypeBuilder<DocumentLine> b)
    {
        b.Property(l => l.Description).HasMaxLength(LineInput.DescriptionMax);
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.Quantity).HasPrecision(18, 3);
        b.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        b.Property(l => l.TaxPercent).HasPrecision(5, 2);
        b.HasIndex(l => new { l.DocumentId, l.Position });
    }
}

internal sealed class DocumentRelationConfiguration : IEntityTypeConfiguration<DocumentRelation>
{
    public void Configure(EntityTypeBuilder<DocumentRelation> b)
    {
        b.HasOne<Document>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.SourceId, r.TargetId }).IsUnique();
        b.HasIndex(r => r.TargetId);
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b) => b.HasKey(c => new { c.Type, c.Year });
}

internal sealed class SettingsConfiguration : IEntityTypeConfiguration<OrganisationSettings>
{
    public void Configure(EntityTypeBuilder<OrganisationSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Version).IsConcurrencyToken();
        foreach (var p in new[] { "CompanyName", "Street", "City", "Country", "Email" }) b.Property(p).HasMaxLength(200);
        foreach (var p in new[] { "PostalCode", "TaxId", "Phone", "QuotePrefix", "DeliveryNotePrefix", "ProformaPrefix", "InvoicePrefix", "CreditNotePrefix" })
            b.Property(p).HasMaxLength(40);
        b.Property(s => s.BankAccount).HasMaxLength(100);
        b.Property(s => s.DefaultLanguage).HasMaxLength(5);
        b.Property(s => s.DefaultCurrency).HasMaxLength(3);
        b.Property(s => s.LogoContentType).HasMaxLength(40);
        b.Property(s => s.ReminderDays).HasMaxLength(100);
        b.HasData(new OrganisationSettings());
    }
}

internal sealed class TaxRateConfiguration : IEntityTypeConfiguration<TaxRate>
{
    public void Configure(EntityTypeBuilder<TaxRate> b)
    {
        b.Property(t => t.Name).HasMaxLength(60);
        b.Property(t => t.Country).HasMaxLength(2);
        b.Property(t => t.Percent).HasPrecision(5, 2);
        b.HasData(TaxRate.Defaults().Select((t, i) => new { Id = i + 1L, t.Name, t.Percent, t.Country, t.IsActive }));
    }
}

internal sealed class DocumentPdfConfiguration : IEntityTypeConfiguration<DocumentPdf>
{
    public void Configure(EntityTypeBuilder<DocumentPdf> b)
    {
        b.ToTable("DocumentPdfs");
        b.HasKey(p => p.DocumentId);
        b.Property(p => p.DocumentId).ValueGeneratedNever();
        b.HasOne<Document>().WithOne().HasForeignKey<DocumentPdf>(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

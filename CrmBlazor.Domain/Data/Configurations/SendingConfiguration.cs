using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Reminders;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Domain.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.MessageId).HasMaxLength(100);
        b.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMax);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMax);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Document>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => m.MessageId).IsUnique();
        // The sender's queue: what is due, oldest first. The Mail page: newest first, by client.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.CreatedAt, m.Id });
        b.HasIndex(m => new { m.ClientId, m.CreatedAt, m.Id });
        b.HasIndex(m => m.DocumentId);
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
    }
}

internal sealed class PublicLinkConfiguration : IEntityTypeConfiguration<PublicLink>
{
    public void Configure(EntityTypeBuilder<PublicLink> b)
    {
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.Property(l => l.RecipientEmail).HasMaxLength(OutboxMessage.AddressMax);
        b.Property(l => l.CreatedByUserId).HasMaxLength(450);
        b.HasOne<Document>().WithMany().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasIndex(l => l.DocumentId);
    }
}

internal sealed class PublicLinkViewConfiguration : IEntityTypeConfiguration<PublicLinkView>
{
    public void Configure(EntityTypeBuilder<PublicLinkView> b)
    {
        b.Property(v => v.IpAddress).HasMaxLength(64);
        b.Property(v => v.UserAgent).HasMaxLength(PublicLinkView.UserAgentMax);
        b.HasOne<PublicLink>().WithMany().HasForeignKey(v => v.LinkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.DocumentId, v.At });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(p => p.Provider).HasMaxLength(20);
        b.Property(p => p.ProviderPaymentId).HasMaxLength(200);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.RecordedByUserId).HasMaxLength(450);
        b.HasOne<Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.Provider, p.ProviderPaymentId }).IsUnique().HasDatabaseName(UniqueIndexes.PaymentPerProviderId);
        b.HasIndex(p => p.DocumentId);
    }
}

internal sealed class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> b)
    {
        b.Property(p => p.Provider).HasMaxLength(20);
        b.Property(p => p.ProviderReference).HasMaxLength(200);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.FailureReason).HasMaxLength(500);
        b.HasOne<Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.Provider, p.ProviderReference }).IsUnique();
        b.HasIndex(p => p.DocumentId);
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> b)
    {
        b.Property(p => p.Provider).HasMaxLength(20);
        b.Property(p => p.EventId).HasMaxLength(200);
        b.Property(p => p.Type).HasMaxLength(100);
        b.Property(p => p.Outcome).HasMaxLength(200);
        b.HasIndex(p => new { p.Provider, p.EventId }).IsUnique().HasDatabaseName(UniqueIndexes.PaymentEventPerProviderId);
    }
}

internal sealed class ReminderSentConfiguration : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> b)
    {
        b.HasOne<Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.DocumentId, r.Level }).IsUnique().HasDatabaseName(UniqueIndexes.ReminderPerLevel);
    }
}

using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Hosting;

namespace CrmBlazor.Mail;

public static class MailServices
{
    /// <summary>The outbox and its background sender, configured from the "Mail" section (SND-7).</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCrmMail(configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions(),
            RootConfiguration.FindDataRoot());

    /// <summary>GET /mail/{id}/attachments/{attachmentId}: a sent attachment, for staff only (the service checks the role).</summary>
    public static void MapMailAttachments(this IEndpointRouteBuilder app) =>
        app.MapGet("/mail/{id:long}/attachments/{attachmentId:long}", async (long id, long attachmentId, MailList mail, CancellationToken ct) =>
        {
            try
            {
                var file = await mail.GetAttachmentAsync(id, attachmentId, ct);
                return file is null ? Results.NotFound() : Results.File(file.Content, file.ContentType, file.FileName);
            }
            catch (NotAllowedException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization();
}

using CrmBlazor.Account;
using CrmBlazor.Clients;
using CrmBlazor.Components;
using CrmBlazor.Documents.Pdf;
using CrmBlazor.Hosting;
using CrmBlazor.Hosting.Commands;
using CrmBlazor.Hosting.Health;
using CrmBlazor.Hosting.Validation;
using CrmBlazor.Localization;
using CrmBlazor.Mail;
using CrmBlazor.Portal;
using CrmBlazor.Sending.Public;
using CrmBlazor.Payments;

StartupFailure.ExitWithOneLine();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = RootConfiguration.FindContentRoot() });
builder.Configuration.UseRootAppSettings();
if (!RootConfiguration.IsPublished) builder.WebHost.UseStaticWebAssets();

builder.Services.AddCrmWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
if (await HostCommands.TryRunAsync(app, args)) return;
app.UseCrmEdge();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseInstanceRoute(app.Configuration);
app.UseCrmLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UsePortalCulture();
app.UsePaymentPageMisses();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapCrmHealth();
app.MapAccountEndpoints();
app.MapCultureEndpoints();
app.MapClientExport();
app.MapDocumentPdf();
app.MapMailAttachments();
app.MapPublicDocuments();
app.MapPayments();
app.MapPortalAccount();
app.MapPortalModules();
app.MapPortalSetPassword();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.Services.RunStartupTasksAsync(app.Configuration, app.Environment);
await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;

using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Account;
using CrmBlazor.Documents.Pdf;
using CrmBlazor.Sending;
using CrmBlazor.Domain;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Users;
using CrmBlazor.History;
using CrmBlazor.Hosting.Health;
using CrmBlazor.Hosting.Validation;
using CrmBlazor.Localization;
using CrmBlazor.Mail;
using CrmBlazor.Portal;
using CrmBlazor.Sending.Public;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;

namespace CrmBlazor.Hosting;

public static class WebServices
{
    public static IServiceCollection AddCrmWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = DatabaseSettings.Read(configuration);
        services.AddCrmDomain(database, RootConfiguration.FindDataRoot());
        services.AddHttpContextAccessor();
        services.AddCrmEdge(configuration);
        services.AddScoped<ICurrentActor, CurrentStaffActor>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.PreventDuplicates = false;
        });
        services.AddTextLocalization();
        services.AddHistoryPhrasings();
        services.AddDocumentPdf(configuration);
        services.AddMail(configuration);
        services.AddDocumentSendingWeb();
        services.AddStartupValidation();
        services.AddCrmHealth(configuration);
        services.AddTransient<MudLocalizer, CrmMudLocalizer>();
        services.AddPublicPages(configuration);
        services.AddScoped<CrmBlazor.Clients.Archive.ArchiveFlow>();
        services.AddHostedService<Domain.Subscriptions.SubscriptionScheduler>();
        services.AddHostedService<Domain.Reminders.ReminderScheduler>();

        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddPortalCookie();
        authentication.AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/login";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
            });
        });
        services.AddAuthorization(o => o.AddPortalPolicy());
        // A removed user (new security stamp) loses their staff cookie within a minute, not the default half hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        _ = environment;
        return services;
    }
}

using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// The contact's whole start (CON-1, CON-4, POR-1) in real browsers: staff create a contact on a Spanish company's
/// page with "send set-password email", the app's outbox delivers it to a real SMTP server, the contact opens the
/// link on a phone, chooses a password, signs in and is welcomed in Spanish; accepts a quote there while staff watch
/// it turn Accepted live; the company is archived and the contact's next request is turned back to the sign-in.
/// </summary>
[Collection(SendingLoopCollection.Name)]
public partial class ContactOnboardingTests(SendingLoopFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "docs", "screenshots");

    [Fact]
    public async Task CON_4_staff_create_a_contact_the_contact_sets_a_password_from_the_delivered_email_signs_in_in_their_language_POR_2_accepts_a_quote_seen_live_ARC_2_archive_ends_the_session()
    {
        Directory.CreateDirectory(Folder);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var clients = ActivatorUtilities.CreateInstance<ClientService>(fixture.App.Services, (ICurrentActor)new TestActor { Current = Actor.System });
        var company = await clients.CreateAsync(new ClientForm { Kind = ClientKind.Company, CompanyName = $"Astillero Bidasoa {suffix} SL", Language = "es", Currency = "EUR" });
        var taken = $"jon.{suffix}@bidasoa.example";
        await clients.CreateAsync(new ClientForm { Kind = ClientKind.Person, FirstName = "Jon", LastName = "Etxeberria", Email = taken, Language = "es", Currency = "EUR" });
        var email = $"itziar.{suffix}@bidasoa.example";

        var staff = await fixture.SignInAsync();
        await staff.GotoAsync($"/clients/{company}");
        await Blazor.WaitForCircuitAsync(staff);
        await staff.ClickAsync(".mud-tab:has-text('Contacts')");
        await staff.ClickAsync("#contact-new");
        await staff.Locator("#contact-firstname").WaitForAsync();
        await Assertions.Expect(staff.Locator("#contact-primary-first")).ToBeVisibleAsync();
        await staff.FillAsync("#contact-firstname", "Itziar");
        await staff.FillAsync("#contact-lastname", "Goikoetxea");
        await staff.FillAsync("#contact-position", "Administración");
        await staff.FillAsync("#contact-phone", "+34 943 000 111");
        await staff.FillAsync("#contact-email", taken);
        await staff.ClickAsync("#contact-setpassword"); // ticked by default: untick and tick again, as a user checking it would
        await staff.ClickAsync("#contact-setpassword");
        await staff.ClickAsync("#contact-save");
        await Assertions.Expect(staff.Locator(".mud-dialog")).ToContainTextAsync("This email is already used by Jon Etxeberria.");
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, "contact-form.png") });

        await staff.FillAsync("#contact-email", email);
        await staff.ClickAsync("#contact-save");
        await Assertions.Expect(staff.Locator(".mud-dialog")).ToHaveCountAsync(0);
        var row = staff.Locator($".portal-access[data-state='no-password']");
        await Assertions.Expect(staff.Locator("#links-table")).ToContainTextAsync("Itziar Goikoetxea");
        await Assertions.Expect(row).ToHaveCountAsync(1);

        var link = await SetPasswordLinkAsync(email);
        var phone = await fixture.PhoneAsync("es-ES");
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.Locator("#set-password-title")).ToHaveTextAsync("Elija su contraseña");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, "portal-set-password.png"), FullPage = true });
        await phone.FillAsync("#set-password-new", "bidasoa-itziar-2026");
        await phone.FillAsync("#set-password-repeat", "bidasoa-itziar-2026");
        await phone.ClickAsync("#set-password-submit");

        await Assertions.Expect(phone).ToHaveURLAsync(new Regex(@"/portal/login\?n=password-set$"));
        await Assertions.Expect(phone.Locator("#portal-login-notice")).ToHaveTextAsync("Su contraseña está guardada. Ya puede entrar.");
        await phone.FillAsync("#portal-email", email);
        await phone.FillAsync("#portal-password", "bidasoa-itziar-2026");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, "portal-login.png"), FullPage = true });
        await phone.ClickAsync("#portal-login-submit");

        await Assertions.Expect(phone).ToHaveURLAsync(new Regex(@"/portal$"));
        await Assertions.Expect(phone.Locator("#portal-welcome")).ToHaveTextAsync("Bienvenido/a, Itziar Goikoetxea");
        await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(staff.Locator(".portal-access[data-state='active']")).ToHaveCountAsync(1); // the staff page followed live
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.Locator("#set-password-gone")).ToBeVisibleAsync();

        // POR-2: a quote sent to the company is accepted in the portal; staff watching its page see it turn Accepted.
        var quote = await IssuedQuoteAsync(company);
        await staff.GotoAsync($"/documents/{quote}");
        await Blazor.WaitForCircuitAsync(staff);
        await Assertions.Expect(staff.Locator(".doc-status").First).Not.ToHaveTextAsync("Accepted");
        await phone.GotoAsync("/portal");
        await phone.ClickAsync("#portal-nav-documents");
        await phone.ClickAsync($"tr.portal-document[data-id='{quote}'] a");
        await phone.FillAsync("#accept-comment", "Adelante.");
        await phone.ClickAsync("#portal-accept");
        await Assertions.Expect(phone.Locator("#public-status")).ToHaveAttributeAsync("data-status", "Accepted");
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Accepted");

        // ARC-2: staff archive the company; the contact's next request lands on the sign-in page and signing in is refused.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<ClientArchiveService>(scope.ServiceProvider, (ICurrentActor)SystemCurrentActor.Instance).ArchiveAsync([company]);
        await phone.ClickAsync("#portal-nav-documents");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/portal/login"));
        await phone.FillAsync("#portal-email", email);
        await phone.FillAsync("#portal-password", "bidasoa-itziar-2026");
        await phone.ClickAsync("#portal-login-submit");
        await Assertions.Expect(phone.Locator("#portal-login-error")).ToBeVisibleAsync();
        await phone.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    /// <summary>An issued (sent) quote for the company, as staff would have made it.</summary>
    private async Task<long> IssuedQuoteAsync(long company)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        T Staff<T>() => ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, (ICurrentActor)SystemCurrentActor.Instance);
        var rates = await Staff<SettingsService>().TaxRatesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var documents = Staff<DocumentService>();
        var id = await documents.CreateDraftAsync(new DocumentForm
        {
            Type = DocumentType.Quote, ClientId = company, Language = "es", Currency = "EUR", IssueDate = today, ValidUntil = today.AddDays(30),
            Lines = [new LineInput { Description = "Varada e inspección del casco", Quantity = 2, Unit = "h", UnitPriceMinor = 85_00, TaxRateId = DocumentBuilder.Rate(rates, 21m, "ES") }],
        });
        await documents.IssueAsync(id);
        return id;
    }

    /// <summary>Waits for the set-password email to <paramref name="to"/> (in Spanish, the company's language) and takes its link.</summary>
    private async Task<string> SetPasswordLinkAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        MimeMessage? email;
        while ((email = fixture.Smtp.Messages().SingleOrDefault(m => m.To.Mailboxes.Any(b => b.Address == to) && (m.Subject ?? "").StartsWith("Elija su contraseña", StringComparison.Ordinal))) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no set-password email to {to} arrived");
            await Task.Delay(50);
        }
        var label = PortalEmails.Get("es", "SetPassword.Link");
        var line = (email.TextBody ?? "").Split('\n').Single(l => l.StartsWith(label + ": ", StringComparison.Ordinal));
        var url = line[(label.Length + 2)..].Trim();
        Assert.Matches(SetPasswordUrl(), url);
        Assert.Contains($"href=\"{url}\"", email.HtmlBody ?? "");
        return url;
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/portal/set-password/[A-Za-z0-9_-]{43}$")]
    private static partial Regex SetPasswordUrl();
}

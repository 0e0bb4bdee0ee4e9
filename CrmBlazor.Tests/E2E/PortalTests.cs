using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// The client portal's modules in real browsers (POR-2, MAT-11, ARC-2): a contact on a phone accepts a quote while staff
/// watch its page, reads a shared matter, writes to the office while staff have the client's Support tab open, and is
/// signed out at the next click once the client is archived. Keeps the portal's screenshots in docs/screenshots.
/// </summary>
[Collection(AppCollection.Name)]
public class PortalTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "docs", "screenshots");

    [Fact]
    public async Task POR_2_a_contact_accepts_a_quote_reads_a_matter_and_writes_to_support_on_a_phone_while_staff_see_it_live_then_ARC_2_archiving_signs_them_out()
    {
        Directory.CreateDirectory(Folder);
        var contact = await PortalContacts.CreateAsync(fixture.App.Services, SystemCurrentActor.Instance, PortalPermissions.All, "en",
            company: $"Marina Levante {Guid.NewGuid():N}"[..21] + " SL", last: "Kowalska");
        var quote = await QuoteAsync(contact.CustomerId);
        await InvoiceAsync(contact.CustomerId);
        var matter = await MatterAsync(contact.CustomerId);

        var staff = await fixture.SignInAsync();
        await staff.GotoAsync($"/documents/{quote}");
        await Blazor.WaitForCircuitAsync(staff);
        await Assertions.Expect(staff.Locator(".doc-status").First).Not.ToHaveTextAsync("Accepted");

        var phone = await fixture.PhoneAsync();
        await SignInAsync(phone, contact);
        await phone.ClickAsync("#portal-nav-documents");
        await Assertions.Expect(phone.Locator("#portal-documents tr.portal-document")).ToHaveCountAsync(2);
        await ShotAsync(phone, "portal-documents");

        await phone.ClickAsync($"tr.portal-document[data-id='{quote}'] a");
        await Assertions.Expect(phone.Locator("#portal-accept-form")).ToBeVisibleAsync();
        // The first opening in the portal counts as viewed, and the open staff page says so by itself.
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Viewed");
        await ShotAsync(phone, "portal-document-quote");
        await phone.FillAsync("#accept-comment", "Please start on Monday.");
        await phone.ClickAsync("#portal-accept");
        await Assertions.Expect(phone.Locator("#public-status")).ToHaveAttributeAsync("data-status", "Accepted");
        await Assertions.Expect(phone.Locator("#portal-accept-form")).ToHaveCountAsync(0);

        // The colleague's open document page turns Accepted by itself.
        await Assertions.Expect(staff.Locator(".doc-status").First).ToHaveTextAsync("Accepted");

        await phone.ClickAsync("#portal-nav-matters");
        await phone.ClickAsync($"tr.portal-matter[data-id='{matter}'] a");
        await Assertions.Expect(phone.Locator("#portal-activities tr.portal-activity")).ToHaveCountAsync(4);
        await Assertions.Expect(phone.Locator("#portal-activities")).Not.ToContainTextAsync("Other client's survey");
        await Assertions.Expect(phone.Locator("#summary-hours")).ToHaveTextAsync("2.5 h");
        await ShotAsync(phone, "portal-matter");

        // Support: staff have the client's Support tab open (reached by its link), the contact writes, it appears live.
        await staff.GotoAsync($"/clients/{contact.CustomerId}?tab=support");
        await Blazor.WaitForCircuitAsync(staff);
        await Assertions.Expect(staff.Locator("#support-answer")).ToBeVisibleAsync();
        await phone.ClickAsync("#portal-nav-support");
        await phone.FillAsync("#support-body", "Could the boat be back in the water by Friday?");
        await phone.ClickAsync("#support-send");
        await Assertions.Expect(phone.Locator("#portal-support-sent")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("#support-thread .support-message")).ToContainTextAsync("back in the water by Friday");
        await Assertions.Expect(staff.Locator(".support-notice")).ToContainTextAsync($"New message from {contact.Name}");

        await staff.FillAsync("#support-answer", "Yes: the launch is booked for Friday at 10:00.");
        await staff.ClickAsync("#support-answer-send");
        await Assertions.Expect(staff.Locator("#support-thread .support-message")).ToHaveCountAsync(2);
        await staff.WaitForTimeoutAsync(600); // the notice's fade-in, for a readable screenshot
        await ShotAsync(staff, "staff-support-tab");
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("#portal-thread .support-message")).ToHaveCountAsync(2);
        await ShotAsync(phone, "portal-support");

        // ARC-2: the client is archived; the contact's next click lands on the sign-in page.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<ClientArchiveService>(scope.ServiceProvider, (ICurrentActor)SystemCurrentActor.Instance)
                .ArchiveAsync([contact.CustomerId]);
        await phone.ClickAsync("#portal-nav-documents");
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/portal/login"));
        await Assertions.Expect(phone.Locator("#portal-login-title")).ToBeVisibleAsync();

        await phone.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage phone, PortalTestContact contact)
    {
        await phone.GotoAsync("/portal/login");
        await phone.FillAsync("#portal-email", contact.Email);
        await phone.FillAsync("#portal-password", contact.Password);
        await phone.ClickAsync("#portal-login-submit");
        await Assertions.Expect(phone.Locator("#portal-welcome")).ToBeVisibleAsync();
    }

    private T Staff<T>() => ActivatorUtilities.CreateInstance<T>(fixture.App.Services, (ICurrentActor)SystemCurrentActor.Instance);

    private async Task<long> QuoteAsync(long customerId)
    {
        var rates = await Staff<SettingsService>().TaxRatesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var documents = Staff<DocumentService>();
        var id = await documents.CreateDraftAsync(new DocumentForm
        {
            Type = DocumentType.Quote, ClientId = customerId, Language = "en", Currency = "EUR", IssueDate = today, ValidUntil = today.AddDays(30),
            Notes = "Work starts within a week of acceptance.",
            Lines =
            [
                new LineInput { Description = "Hull inspection and report", Quantity = 3, Unit = "h", UnitPriceMinor = 85_00, TaxRateId = DocumentBuilder.Rate(rates, 21m, "ES") },
                new LineInput { Description = "Antifouling paint, 2.5 l", Quantity = 4, UnitPriceMinor = 62_50, DiscountPercent = 10, TaxRateId = DocumentBuilder.Rate(rates, 21m, "ES") },
            ],
        });
        await documents.IssueAsync(id);
        return id;
    }

    private async Task InvoiceAsync(long customerId)
    {
        var rates = await Staff<SettingsService>().TaxRatesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var documents = Staff<DocumentService>();
        var id = await documents.CreateDraftAsync(new DocumentForm
        {
            Type = DocumentType.Invoice, ClientId = customerId, Language = "en", Currency = "EUR", IssueDate = today.AddDays(-20), DueDate = today.AddDays(10),
            Lines = [new LineInput { Description = "Winter storage, November", Quantity = 1, UnitPriceMinor = 240_00, TaxRateId = DocumentBuilder.Rate(rates, 21m, "ES") }],
        });
        await documents.IssueAsync(id);
    }

    /// <summary>A matter shared with the customer and another client: own and common activities, and one of the other client's own.</summary>
    private async Task<long> MatterAsync(long customerId)
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var admin = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
        var other = await db.Clients.Where(c => c.Kind == CrmBlazor.Domain.Clients.ClientKind.Company && c.Status == CrmBlazor.Domain.Clients.ClientStatus.Active && c.Id != customerId)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var matter = await Staff<MatterService>().CreateAsync(new MatterForm
        {
            Title = "Insurance claim: storm damage to the hull", ResponsibleUserId = admin, IntervenantIds = [],
            Parties = [new PartyInput(customerId, PartyRole.Client, true, true), new PartyInput(other, PartyRole.Client, true, false)],
        });
        var activities = Staff<ActivityService>();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        ActivityForm Time(int minutes, long rate, string text, long? client, int ago) => new()
        {
            Kind = ActivityKind.Time, Date = day.AddDays(-ago), UserId = admin, DurationMinutes = minutes, HourlyRateMinor = rate, Description = text, ClientId = client,
        };
        ActivityForm Expense(long amount, string text, long? client, int ago) => new()
        {
            Kind = ActivityKind.Expense, Date = day.AddDays(-ago), UserId = admin, AmountMinor = amount, Description = text, ClientId = client,
        };
        await activities.AddAsync(matter, Time(120, 95_00, "Survey of the hull with the insurer's expert", customerId, 6));
        await activities.AddAsync(matter, Expense(180_00, "Haul-out and blocking for the survey", customerId, 5));
        await activities.AddAsync(matter, Time(60, 120_00, "Meeting with the insurer", null, 2));
        await activities.AddAsync(matter, Expense(60_00, "Claim filing fee", null, 1));
        await activities.AddAsync(matter, Time(90, 95_00, "Other client's survey", other, 0));
        return matter;
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
}

using System.Net;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Deploy;
using CrmBlazor.Tests.Support.Lifecycle;
using CrmBlazor.Tests.Support.Mail;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// Production as the deployment guide sets it up: the published build, two instances on one PostgreSQL database
/// behind nginx. What one instance does, the other shows, accepts and never does twice.
/// </summary>
public class ScaleOutTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task The_published_build_starts_from_its_own_folder_on_a_new_database_with_no_demo_data_and_no_secret_in_its_log()
    {
        var page = await fixture.SignedInOnAsync("1");

        Assert.DoesNotContain("/account/login", page.Url);
        Assert.Equal((0, 0, 1), fixture.RowsAtStart);
        Assert.DoesNotContain(fixture.AdminPassword, fixture.One.Log + fixture.Two.Log);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_accepted_by_the_other_and_a_change_on_one_appears_live_on_the_other()
    {
        var one = await fixture.SignedInOnAsync("1");
        // The same browser session (its cookies) sent to the other instance.
        var two = await fixture.PageOnAsync("2");
        await two.Context.AddCookiesAsync((await one.Context.CookiesAsync()).Where(c => c.Name != "crm_route")
            .Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Secure = c.Secure, HttpOnly = c.HttpOnly }));

        await two.GotoAsync("/companies");
        await Blazor.WaitForCircuitAsync(two);
        Assert.EndsWith("/companies", two.Url);
        await one.GotoAsync("/companies");
        await Blazor.WaitForCircuitAsync(one);

        await one.ClickAsync("#new-client");
        var name = "AAA Scale-out " + Guid.NewGuid().ToString("N")[..6];
        await one.FillAsync("#field-companyname", name);
        await one.ClickAsync("#client-save");

        await two.Locator("#client-table tbody tr").Filter(new() { HasText = name }).WaitForAsync();
        // Each browser stayed on its own instance all along (an instance rewrites the route cookie to its own name).
        Assert.Equal(("1", "2"), (await ScaleOutFixture.RouteAsync(one), await ScaleOutFixture.RouteAsync(two)));
        await one.Context.CloseAsync();
        await two.Context.CloseAsync();
    }

    [Fact]
    public async Task A_public_document_link_is_answered_by_both_instances()
    {
        await using var host = DomainHost.Attach(fixture.Database);
        host.Actor.Current = TestActor.Office;
        var client = await host.CreateAsync(ClientBuilder.Company());
        var id = await host.IssuedAsync(DocumentType.Invoice, client);
        var token = await host.PublicLinkAsync(id);
        var number = (await host.DetailsAsync(id)).Number;

        foreach (var instance in new[] { "1", "2" })
        {
            using var visitor = fixture.Proxy.Client(route: instance);
            var response = await visitor.GetAsync($"/d/{token}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(number!, await response.Content.ReadAsStringAsync());
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("crm_route=", StringComparison.Ordinal)),
                $"instance {instance} was not the one that answered");
        }
    }

    [Fact]
    public async Task DEA_4_a_subscription_period_due_while_both_instances_run_their_billing_is_invoiced_once()
    {
        await using var host = DomainHost.Attach(fixture.Database);
        var until = DateTime.UtcNow.AddSeconds(90);
        while ((await host.InvoicedAsync(fixture.SubscriptionId)).Count == 0 && DateTime.UtcNow < until) await Task.Delay(250);
        // Both first runs are over (they start at the same moment on both instances).
        var bothRan = fixture.StartedAt + ScaleOutFixture.FirstBillingRun + TimeSpan.FromSeconds(10);
        if (bothRan > DateTime.UtcNow) await Task.Delay(bothRan - DateTime.UtcNow);

        var invoiced = await host.InvoicedAsync(fixture.SubscriptionId);
        Assert.Equal([(await host.SubscriptionAsync(fixture.SubscriptionId)).StartDate], invoiced.Select(i => i.Period));
        var logs = new[] { fixture.One.Log, fixture.Two.Log };
        Assert.Equal(1, logs.Count(l => l.Contains("Subscriptions: 1 invoiced", StringComparison.Ordinal)));
        Assert.All(logs, l => Assert.DoesNotContain("Subscription billing run failed", l));
    }

    [Fact]
    public async Task Two_hundred_emails_are_delivered_once_each_by_the_two_instances_though_one_restarts_meanwhile()
    {
        await using var host = DomainHost.Attach(fixture.Database);
        var before = fixture.Smtp.Count;
        var queued = await host.QueueManyAsync(200);

        // systemctl restart crmblazor@1 while both are sending.
        await fixture.Smtp.WaitForAsync(before + 20, TimeSpan.FromSeconds(60));
        await fixture.One.StopAsync();
        Assert.Equal(0, fixture.One.ExitCode);
        await fixture.One.StartAsync();

        await fixture.Smtp.WaitForAsync(before + 200, TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var ids = queued.Select(m => m.MessageId).ToHashSet();
        var arrived = fixture.Smtp.Messages().Select(m => m.MessageId).Where(id => id is not null && ids.Contains(id)).ToList();
        Assert.Equal(ids.Order(), arrived.Order());
        await using var db = fixture.Database.Factory.CreateDbContext();
        Assert.Equal(200, await db.Outbox.CountAsync(m => ids.Contains(m.MessageId) && m.Status == MailStatus.Sent));
    }
}

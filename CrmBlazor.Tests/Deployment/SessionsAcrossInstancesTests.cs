using System.Net;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;

namespace CrmBlazor.Tests.Deployment;

/// <summary>Several instances behind one proxy: a sign-in or a form made on one is accepted by any other.</summary>
public class SessionsAcrossInstancesTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_staff_cookie_from_one_instance_opens_a_staff_page_on_another(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new EdgeWebApp(database);
        await using var second = new EdgeWebApp(database);
        using var toFirst = first.Connection("192.0.2.10");
        using var toSecond = second.Connection("192.0.2.10");
        var browser = new CookieJar();

        await browser.SignInStaffAsync(toFirst);
        var page = await browser.GetAsync(toSecond, "/companies");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var stranger = await new CookieJar().GetAsync(toSecond, "/companies");
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_sign_in_form_served_by_one_instance_is_accepted_when_posted_to_another(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new EdgeWebApp(database);
        await using var second = new EdgeWebApp(database);
        using var toFirst = first.Connection("192.0.2.11");
        using var toSecond = second.Connection("192.0.2.11");
        var browser = new CookieJar();

        var form = await (await browser.GetAsync(toFirst, "/account/login")).Content.ReadAsStringAsync();
        var posted = await browser.PostAsync(toSecond, "/account/login",
            [PublicWebApp.Antiforgery(form), new("email", "admin@demo.local"), new("password", CrmBlazor.Hosting.StartupTasks.DemoPassword), new("returnUrl", "/")]);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode); // not 400: the antiforgery pair made by the first instance is valid
        Assert.Equal("/", posted.Headers.Location!.OriginalString);
    }
}

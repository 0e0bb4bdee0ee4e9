using System.Net;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;

namespace CrmBlazor.Tests.Deployment;

/// <summary>A request naming another host never gets that host back in a redirect or a link; with AllowedHosts set it is refused.</summary>
public class ForeignHostTests
{
    private const string Foreign = "evil.example";

    /// <summary>Pages that redirect a visitor who is not signed in, and the sign-in and sign-out posts.</summary>
    private static readonly string[] Redirecting = ["/", "/companies", "/documents", "/portal", "/portal/documents", "/account/login"];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task With_allowed_hosts_set_a_foreign_host_gets_400_and_no_redirect(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new EdgeWebApp(database, new Dictionary<string, string> { ["AllowedHosts"] = "crm.example.com" });
        using var client = app.Connection("192.0.2.40");

        foreach (var path in Redirecting)
        {
            var response = await client.GetAsync($"http://{Foreign}{path}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
        }
        var own = await client.GetAsync("http://crm.example.com/companies");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.StartsWith("/account/login", own.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task With_any_host_allowed_no_redirect_or_page_names_the_foreign_host(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new EdgeWebApp(database);
        using var client = app.Connection("192.0.2.41");
        var answers = new List<HttpResponseMessage>();

        foreach (var path in Redirecting)
        {
            answers.Add(await client.GetAsync($"http://{Foreign}{path}"));
            var enhanced = new HttpRequestMessage(HttpMethod.Get, $"http://{Foreign}{path}");
            enhanced.Headers.Add("blazor-enhanced-nav", "on");
            answers.Add(await client.SendAsync(enhanced));
        }
        var jar = new CookieJar();
        var login = await (await jar.GetAsync(client, $"http://{Foreign}/account/login")).Content.ReadAsStringAsync();
        answers.Add(await jar.PostAsync(client, $"http://{Foreign}/account/login",
            [PublicWebApp.Antiforgery(login), new("email", "admin@demo.local"), new("password", "wrong password"), new("returnUrl", "/")]));

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        foreach (var answer in answers)
        {
            var where = $"{answer.RequestMessage!.RequestUri} → {answer.StatusCode} {answer.Headers.Location}";
            Assert.DoesNotContain(Foreign, answer.Headers.Location?.OriginalString ?? string.Empty);
            Assert.False(answer.Headers.Location?.IsAbsoluteUri ?? false, where);
            var enhancedRedirect = answer.Headers.TryGetValues("blazor-enhanced-nav-redirect-location", out var values) ? string.Concat(values) : string.Empty;
            Assert.DoesNotContain(Foreign, enhancedRedirect);
            Assert.DoesNotContain(Foreign, await answer.Content.ReadAsStringAsync());
        }
    }
}

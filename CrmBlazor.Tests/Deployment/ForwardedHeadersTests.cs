using System.Net;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Deployment;

/// <summary>
/// Behind a reverse proxy the client is the address the trusted proxy reports; from anyone else X-Forwarded-* are
/// ignored, so nobody can spread their misses over made-up addresses or pin them on someone else.
/// </summary>
public class ForwardedHeadersTests
{
    private const string Untrusted = "198.51.100.9";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Through_a_trusted_proxy_the_miss_limit_counts_each_forwarded_client_on_its_own(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new EdgeWebApp(database, EdgeWebApp.BehindProxy());
        using var proxy = app.Connection(EdgeWebApp.TrustedProxy);

        for (var i = 0; i < EdgeWebApp.MissLimit; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await MissAsync(proxy, forwardedFor: "203.0.113.7")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await MissAsync(proxy, forwardedFor: "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MissAsync(proxy, forwardedFor: "203.0.113.8")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MissAsync(proxy, forwardedFor: null)).StatusCode); // the proxy's own address has its own budget
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_proxy_in_a_trusted_network_behind_another_trusted_proxy_reports_the_first_untrusted_address(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new EdgeWebApp(database, EdgeWebApp.BehindProxy());
        using var inner = app.Connection("10.1.2.3");

        for (var i = 0; i < EdgeWebApp.MissLimit; i++)
            await MissAsync(inner, forwardedFor: $"192.0.2.{i + 1}, 203.0.113.20, {EdgeWebApp.TrustedProxy}");

        // The made-up addresses left of the real client were not trusted: the client is 203.0.113.20 every time.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await MissAsync(inner, forwardedFor: $"203.0.113.20, {EdgeWebApp.TrustedProxy}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MissAsync(inner, forwardedFor: $"203.0.113.21, {EdgeWebApp.TrustedProxy}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task From_an_untrusted_address_the_forwarded_header_changes_nothing_and_the_connection_is_counted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new EdgeWebApp(database, EdgeWebApp.BehindProxy());
        using var direct = app.Connection(Untrusted);
        using var proxy = app.Connection(EdgeWebApp.TrustedProxy);

        for (var i = 0; i < EdgeWebApp.MissLimit; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await MissAsync(direct, forwardedFor: $"203.0.113.{100 + i}")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await MissAsync(direct, forwardedFor: "203.0.113.200")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MissAsync(proxy, forwardedFor: "203.0.113.100")).StatusCode); // nothing was counted against the made-up address
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_scheme_reported_by_a_trusted_proxy_marks_the_staff_cookie_secure_and_an_untrusted_one_does_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new EdgeWebApp(database, EdgeWebApp.BehindProxy());

        var throughProxy = await SignInSetCookieAsync(app.Connection(EdgeWebApp.TrustedProxy));
        var direct = await SignInSetCookieAsync(app.Connection(Untrusted));

        Assert.Contains("secure", Attributes(throughProxy));
        Assert.DoesNotContain("secure", Attributes(direct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task With_no_proxy_configured_a_proxy_on_loopback_is_trusted_and_the_view_log_records_the_client(DatabaseProvider provider)
    {
        await using var app = await PublicWebApp.StartAsync(provider);
        var (_, token) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        using var loopbackProxy = app.Visitor("127.0.0.1");
        using var elsewhere = app.Visitor(Untrusted);

        var viaLoopback = new HttpRequestMessage(HttpMethod.Get, $"/d/{token}");
        viaLoopback.Headers.Add("X-Forwarded-For", "203.0.113.30");
        Assert.Equal(HttpStatusCode.OK, (await loopbackProxy.SendAsync(viaLoopback)).StatusCode);
        var viaStranger = new HttpRequestMessage(HttpMethod.Get, $"/d/{token}");
        viaStranger.Headers.Add("X-Forwarded-For", "203.0.113.31");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.SendAsync(viaStranger)).StatusCode);

        await using var db = app.Db();
        var addresses = await db.PublicLinkViews.OrderBy(v => v.Id).Select(v => v.IpAddress).ToListAsync();
        Assert.Equal(["203.0.113.30", Untrusted], addresses);
    }

    private static IEnumerable<string> Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant());

    private static Task<HttpResponseMessage> MissAsync(HttpClient client, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/d/{PublicLinkToken.New()}");
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    /// <summary>The staff cookie's Set-Cookie line, signing in with X-Forwarded-Proto: https on every request.</summary>
    private static async Task<string> SignInSetCookieAsync(HttpClient client)
    {
        using (client)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            var jar = new CookieJar();
            await jar.SignInStaffAsync(client);
            return Assert.Single(jar.LastSetCookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        }
    }
}

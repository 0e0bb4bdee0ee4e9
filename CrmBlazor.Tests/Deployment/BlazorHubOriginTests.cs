using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;

namespace CrmBlazor.Tests.Deployment;

/// <summary>The Blazor hub serves only pages of this site: another site's script cannot open a circuit with the staff cookie.</summary>
public class BlazorHubOriginTests
{
    private const string PublicBaseUrl = "https://crm.example.com";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Negotiate_from_a_foreign_origin_is_refused_even_with_a_staff_cookie(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new EdgeWebApp(database, new Dictionary<string, string> { ["Sending:PublicBaseUrl"] = PublicBaseUrl });
        using var client = app.Connection("192.0.2.50");
        var staff = new CookieJar();
        await staff.SignInStaffAsync(client);

        Assert.Equal(HttpStatusCode.Forbidden, (await NegotiateAsync(staff, client, "https://evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await NegotiateAsync(staff, client, "http://localhost:8080")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await NegotiateAsync(staff, client, "null")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(staff, client, "http://localhost")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(staff, client, PublicBaseUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(staff, client, origin: null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_websocket_upgrade_from_a_foreign_origin_is_refused_and_from_the_site_itself_accepted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new EdgeWebApp(database);
        using var client = app.Connection("192.0.2.51");
        var staff = new CookieJar();
        await staff.SignInStaffAsync(client);
        var cookie = staff.CookieHeader();

        var foreignToken = await ConnectionTokenAsync(staff, client);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => UpgradeAsync(app, foreignToken, "https://evil.example", cookie));
        Assert.Contains("403", refused.Message);

        using var socket = await UpgradeAsync(app, await ConnectionTokenAsync(staff, client), "http://localhost", cookie);
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static Task<HttpResponseMessage> NegotiateAsync(CookieJar staff, HttpClient client, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null) request.Headers.Add("Origin", origin);
        return staff.SendAsync(client, request);
    }

    private static async Task<string> ConnectionTokenAsync(CookieJar staff, HttpClient client)
    {
        var negotiated = await NegotiateAsync(staff, client, "http://localhost");
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        using var json = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("connectionToken").GetString()!;
    }

    private static Task<WebSocket> UpgradeAsync(EdgeWebApp app, string connectionToken, string origin, string cookie)
    {
        var sockets = app.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request =>
        {
            request.Headers.Origin = origin;
            request.Headers.Cookie = cookie;
            request.Headers["X-Test-Client"] = "192.0.2.51";
        };
        return sockets.ConnectAsync(new Uri($"ws://localhost/_blazor?id={Uri.EscapeDataString(connectionToken)}"), CancellationToken.None);
    }
}

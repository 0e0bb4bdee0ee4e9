using System.Net;
using CrmBlazor.Hosting;

namespace CrmBlazor.Tests.Support.App;

/// <summary>Cookies kept by hand, so that a session made on one app instance can be shown to another.</summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    /// <summary>The Cookie header a browser would send with these cookies.</summary>
    public string CookieHeader() => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", CookieHeader());
        var response = await client.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        foreach (var line in LastSetCookies)
        {
            var pair = line.Split(';', 2)[0];
            var at = pair.IndexOf('=');
            var (name, value) = (pair[..at], pair[(at + 1)..]);
            if (value.Length == 0) _cookies.Remove(name);
            else _cookies[name] = value;
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(HttpClient client, string url) => SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url));

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> form) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) });

    /// <summary>The staff sign-in form read and posted as a browser would; returns the answer to the post.</summary>
    public async Task<HttpResponseMessage> SignInStaffAsync(HttpClient client, string email = "admin@demo.local")
    {
        var page = await (await GetAsync(client, "/account/login")).Content.ReadAsStringAsync();
        var response = await PostAsync(client, "/account/login",
            [PublicWebApp.Antiforgery(page), new("email", email), new("password", StartupTasks.DemoPassword), new("returnUrl", "/")]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/",
            $"staff sign-in: {response.StatusCode} {response.Headers.Location}");
        return response;
    }
}

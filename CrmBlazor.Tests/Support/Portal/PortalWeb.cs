using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Tests.Support.App;

namespace CrmBlazor.Tests.Support.Portal;

/// <summary>Portal contacts on the HTTP test app, signed in through the real POST /portal/login.</summary>
public static partial class PortalWeb
{
    public static Task<PortalTestContact> ContactAsync(this PublicWebApp app, PortalPermissions permissions = PortalPermissions.All, string language = "en") =>
        PortalContacts.CreateAsync(app.Services, new TestActor(), permissions, language);

    /// <summary>A browser-like client of this contact: the sign-in form read, posted with its antiforgery token, the cookie kept.</summary>
    public static async Task<HttpClient> SignedInAsync(this PublicWebApp app, string address, PortalTestContact contact)
    {
        var client = app.Visitor(address);
        var page = await client.GetStringAsync("/portal/login");
        var response = await client.PostAsync("/portal/login", new FormUrlEncodedContent(
            [PublicWebApp.Antiforgery(page), new("Email", contact.Email), new("Password", contact.Password)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portal", response.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>Posts a portal form the way the page's own form would: with the antiforgery token of the page it is on.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        return await client.PostAsync(action, new FormUrlEncodedContent(
            [PublicWebApp.Antiforgery(page), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }

    /// <summary>The page without its per-request antiforgery value, so two answers can be compared byte for byte.</summary>
    public static string WithoutTokens(string html) => TokenValue().Replace(html, "value=\"…\"");

    [GeneratedRegex(@"(?<=name=""__RequestVerificationToken"" )value=""[^""]+""")]
    private static partial Regex TokenValue();
}

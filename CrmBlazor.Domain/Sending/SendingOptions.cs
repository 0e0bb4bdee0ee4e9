namespace CrmBlazor.Domain.Sending;

/// <summary>"Sending" in appsettings.json.</summary>
public sealed class SendingOptions
{
    public const string Section = "Sending";

    /// <summary>
    /// Where clients reach the public pages. Every link in an email is built from this, never from the
    /// Host header of the request that happened to trigger the email.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public Uri LinkTo(string path) => new(new Uri(PublicBaseUrl.TrimEnd('/') + "/"), path.TrimStart('/'));
}

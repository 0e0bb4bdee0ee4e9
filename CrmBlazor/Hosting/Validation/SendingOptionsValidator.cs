using CrmBlazor.Domain.Sending;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Hosting.Validation;

/// <summary>Every emailed link and payment return URL is built from Sending:PublicBaseUrl: it must be an absolute http(s) URL.</summary>
public sealed class SendingOptionsValidator : IValidateOptions<SendingOptions>
{
    public const string Key = "Sending:PublicBaseUrl";

    public ValidateOptionsResult Validate(string? name, SendingOptions options) =>
        Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Key}: '{options.PublicBaseUrl}' is not an absolute http or https URL; expected e.g. https://crm.example.com");
}

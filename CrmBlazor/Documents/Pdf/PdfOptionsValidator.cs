using Microsoft.Extensions.Options;

namespace CrmBlazor.Documents.Pdf;

/// <summary>Stops the app at start, with one line per problem naming the key, when the PDF settings cannot work.</summary>
public sealed class PdfOptionsValidator : IValidateOptions<PdfOptions>
{
    private const string Expected = "expected the path of chromium-headless-shell (apt-get install chromium-headless-shell)";

    public ValidateOptionsResult Validate(string? name, PdfOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ChromiumPath))
            failures.Add($"Pdf:ChromiumPath: empty; {Expected}");
        else if (!File.Exists(options.ChromiumPath))
            failures.Add($"Pdf:ChromiumPath: no file at '{options.ChromiumPath}'; {Expected}");
        if (options.Pages is < 1 or > PdfOptions.MaxPages)
            failures.Add($"Pdf:Pages: {options.Pages}; expected a whole number from 1 to {PdfOptions.MaxPages} (pages printing at once)");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

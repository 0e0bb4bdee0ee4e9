using CrmBlazor.Documents.Pdf;
using CrmBlazor.Tests.Support.App;

namespace CrmBlazor.Tests.Services.Documents.Pdf;

public sealed class PdfOptionsValidatorTests
{
    private readonly PdfOptionsValidator _validator = new();

    [Fact]
    public void A_missing_chromium_fails_with_one_line_naming_the_key_and_what_is_expected()
    {
        var result = _validator.Validate(null, new PdfOptions { ChromiumPath = "/nope" });

        Assert.True(result.Failed);
        Assert.Equal(
            ["Pdf:ChromiumPath: no file at '/nope'; expected the path of chromium-headless-shell (apt-get install chromium-headless-shell)"],
            result.Failures);
    }

    [Fact]
    public void An_empty_chromium_path_fails_naming_the_key()
    {
        var result = _validator.Validate(null, new PdfOptions { ChromiumPath = " " });

        Assert.StartsWith("Pdf:ChromiumPath: empty;", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_pool_size_outside_one_to_four_fails_naming_the_key(int pages)
    {
        var result = _validator.Validate(null, new PdfOptions { ChromiumPath = Browser.ExecutablePath, Pages = pages });

        Assert.Equal([$"Pdf:Pages: {pages}; expected a whole number from 1 to 4 (pages printing at once)"], result.Failures);
    }

    [Fact]
    public void An_installed_chromium_and_the_default_pool_pass()
    {
        Assert.True(_validator.Validate(null, new PdfOptions { ChromiumPath = Browser.ExecutablePath }).Succeeded);
    }
}

using CrmBlazor.Localization;
using CrmBlazor.Tests.Support.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Tests.Localization;

/// <summary>NF-1: code written to ASP.NET Core's <see cref="IStringLocalizer"/> reads the same catalogue as <c>T["..."]</c>.</summary>
public sealed class TextLocalizerTests
{
    [Fact]
    public void NF_1_the_string_localizers_read_the_one_catalogue_in_the_current_language()
    {
        using var services = new ServiceCollection().AddTextLocalization().BuildServiceProvider();
        using var _ = new CultureScope("pl");
        var typed = services.GetRequiredService<IStringLocalizer<TextLocalizerTests>>();
        var created = services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(string));

        Assert.Equal("Faktura", typed["DocumentType.Invoice"].Value);
        Assert.Equal("Faktura", created["DocumentType.Invoice"].Value);
        Assert.Equal("Wyślij fakturę e-mailem", typed["Send.Title", services.GetRequiredService<Text>().Noun("DocumentType.Invoice")].Value);
        Assert.Equal("22 e-maile w kolejce.", typed.Plural("Send.Queued", 22).Value);
        Assert.True(typed["No.Such.Key"].ResourceNotFound);
        Assert.False(typed["Send.Title"].ResourceNotFound);
    }
}

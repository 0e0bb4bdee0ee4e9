using System.Globalization;
using CrmBlazor.Domain.Localization;

namespace CrmBlazor.Tests.Support.Localization;

/// <summary>Reads and formats in one language until disposed, as a request or circuit in that language does.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string language)
    {
        var culture = SupportedLanguages.CultureOf(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CrmBlazor.Localization;

/// <summary>MudBlazor's own texts (pager, pickers, dialogs) from our files, under the "Mud." prefix.</summary>
public sealed class CrmMudLocalizer(Text text) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var language = Text.Language;
            return text.Has(language, "Mud." + key)
                ? new LocalizedString(key, text.Get(language, "Mud." + key))
                : base[key];
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var value = this[key];
            return new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, value.Value, arguments), value.ResourceNotFound);
        }
    }
}

using CrmBlazor.Domain.Contacts;
using CrmBlazor.Contacts;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Portal;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Contacts;

/// <summary>History lines of portal access (CON-1, CON-3..CON-5): who got access, which emails went, which modules.</summary>
public sealed class ContactsHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
        [HistoryKind.PortalAccessGranted, HistoryKind.WelcomeEmailQueued, HistoryKind.SetPasswordEmailQueued, HistoryKind.PortalPasswordSet, HistoryKind.PortalPermissionsChanged];

    public string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.PortalAccessGranted => Icons.Material.Filled.LockOpen,
        HistoryKind.WelcomeEmailQueued or HistoryKind.SetPasswordEmailQueued => Icons.Material.Filled.Email,
        HistoryKind.PortalPasswordSet => Icons.Material.Filled.Password,
        _ => Icons.Material.Filled.Tune,
    };

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        switch (item.Kind)
        {
            case HistoryKind.PortalAccessGranted when HistoryData.Parse<PortalAccessData>(item.Data) is { } granted:
                yield return t["Contacts.History.Granted", granted.PersonName, granted.CustomerName];
                yield return t["Contacts.History.Modules", Modules(granted.Permissions, t)];
                break;
            case HistoryKind.WelcomeEmailQueued or HistoryKind.SetPasswordEmailQueued or HistoryKind.PortalPasswordSet
                when HistoryData.Parse<PortalEmailData>(item.Data) is { } mail:
                yield return $"{mail.PersonName} <{mail.Email}>";
                break;
            case HistoryKind.PortalPermissionsChanged when HistoryData.Parse<PortalPermissionsData>(item.Data) is { } changed:
                if (changed.Removed)
                {
                    yield return t["Contacts.History.Removed", changed.PersonName];
                    break;
                }
                yield return t["Contacts.History.Changed", changed.PersonName, Modules(changed.Before, t), Modules(changed.After, t)];
                break;
            default:
                if (item.Text.Length > 0) yield return item.Text;
                break;
        }
    }

    public static string Modules(PortalPermissions permissions, Text t)
    {
        var names = PortalPermissionBoxes.Modules.Where(m => permissions.HasFlag(m)).Select(m => t["Contacts.Permission." + m]).ToList();
        return names.Count == 0 ? t["Contacts.Permission.None"] : string.Join(", ", names);
    }
}

using CrmBlazor.Domain.Portal;
using Microsoft.AspNetCore.Antiforgery;

namespace CrmBlazor.Portal;

/// <summary>
/// What every portal page's frame needs: the signed-in contact (null on the sign-in pages), the
/// organisation's name, which module the page belongs to, and the antiforgery field for its forms.
/// </summary>
public sealed record PortalPage(PortalContact? Contact, string OrganisationName, string Section, string AntiforgeryField, string AntiforgeryToken)
{
    public static PortalPage For(HttpContext http, string organisationName, string section)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new PortalPage(PortalAuth.ContactOrNull(http), organisationName, section, tokens.FormFieldName, tokens.RequestToken!);
    }
}

/// <summary>The portal's modules, each shown only with its permission (CON-5).</summary>
public static class PortalSections
{
    public const string Home = "home";
    public const string Documents = "documents";
    public const string Matters = "matters";
    public const string Support = "support";
    public const string Account = "account";
}

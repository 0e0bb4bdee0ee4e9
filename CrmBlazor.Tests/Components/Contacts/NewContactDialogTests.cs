using Bunit;
using CrmBlazor.Contacts;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Contacts;

/// <summary>The new-contact dialog (CON-1, CON-2): messages next to the fields, nothing saved on a refusal, the first contact's primary box fixed.</summary>
public class NewContactDialogTests : ComponentTestBase
{
    private bool _rendered;

    private async Task OpenAsync(long companyId)
    {
        if (!_rendered) RenderProviders();
        _rendered = true;
        var parameters = new DialogParameters<NewContactDialog> { { d => d.CompanyId, companyId } };
        var dialogs = Services.GetRequiredService<IDialogService>();
        await Root.InvokeAsync(() => dialogs.ShowAsync<NewContactDialog>("New contact", parameters));
        await Root.WaitForAssertionAsync(() => Assert.False(Root.FindAll("#contact-save").Last().HasAttribute("disabled")));
    }

    private Task TypeAsync(string id, string value) => Root.Find($"#{id}").ChangeAsync(new ChangeEventArgs { Value = value });

    private IRenderedComponent<MudCheckBox<bool>> Box(string id) =>
        Root.FindComponents<MudCheckBox<bool>>().Last(c => c.Instance.UserAttributes.TryGetValue("id", out var v) && (string?)v == id);

    private static bool Ticked(IRenderedComponent<MudCheckBox<bool>> box) => box.Find("input").HasAttribute("checked");

    private static bool Disabled(IRenderedComponent<MudCheckBox<bool>> box) => box.Find("input").HasAttribute("disabled");

    private async Task<int> PersonsAsync()
    {
        await using var db = Host.Db();
        return await db.Clients.CountAsync(c => c.Kind == ClientKind.Person);
    }

    [Fact]
    public async Task CON_2_the_first_contacts_primary_box_is_ticked_and_cannot_be_unticked_a_later_ones_is_free()
    {
        var company = await CreateCompanyAsync();
        await OpenAsync(company);

        Assert.True(Ticked(Box("contact-primary")));
        Assert.True(Disabled(Box("contact-primary")));
        Assert.NotNull(Root.Find("#contact-primary-first"));
        Assert.Equal(PortalPermissions.All, PortalPermissionBoxes.Modules.Aggregate(PortalPermissions.None,
            (all, m) => Ticked(Box($"contact-permission-{m.ToString().ToLowerInvariant()}")) ? all | m : all));

        var person = await CreatePersonAsync();
        await Host.Get<ContactLinkService>().LinkAsync(company, person, "CEO");
        await Root.Find("#contact-save").ParentElement!.QuerySelector("button")!.ClickAsync(new()); // Cancel
        await Root.WaitForAssertionAsync(() => Assert.Empty(Root.FindComponents<NewContactDialog>()));
        await OpenAsync(company);
        await Root.WaitForAssertionAsync(() => Assert.False(Disabled(Box("contact-primary"))));
        Assert.False(Ticked(Box("contact-primary")));
    }

    [Fact]
    public async Task CON_1_a_taken_email_says_who_uses_it_at_the_email_field_a_short_password_at_the_password_field_and_nothing_is_saved()
    {
        var company = await CreateCompanyAsync();
        await CreatePersonAsync("Jan", "Kowalski", f => f.Email = "jan@kowalski.example");
        await OpenAsync(company);
        await TypeAsync("contact-firstname", "Lucía");
        await TypeAsync("contact-lastname", "Marín");
        await TypeAsync("contact-email", "JAN@kowalski.example");
        await TypeAsync("contact-password", "short");

        await Root.Find("#contact-save").ClickAsync(new());

        await Root.WaitForAssertionAsync(() => Assert.Equal("At least 10 characters.", FieldMessage(Root, "contact-password")));
        Assert.Equal(1, await PersonsAsync());

        await TypeAsync("contact-password", "a-long-enough-password");
        await Root.Find("#contact-save").ClickAsync(new());

        await Root.WaitForAssertionAsync(() => Assert.Equal("This email is already used by Jan Kowalski.", FieldMessage(Root, "contact-email")));
        Assert.Equal(string.Empty, FieldMessage(Root, "contact-password").Replace(T["Contacts.PasswordHelp"], ""));
        Assert.Equal(1, await PersonsAsync());

        await TypeAsync("contact-email", "lucia@astillero.example");
        await Root.Find("#contact-save").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Empty(Root.FindComponents<NewContactDialog>()));
        Assert.Equal(2, await PersonsAsync());
    }
}

using Bunit;
using CrmBlazor.Clients.Lifecycle;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Lifecycle;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Subscriptions;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using CrmBlazor.Tests.Support.Lifecycle;
using CrmBlazor.Tests.Support.Sending;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Clients.Lifecycle;

/// <summary>The deactivation dialog (DEA-2, DEA-5): stakes, the two choices, the irreversible warning, the plain confirmation.</summary>
public class DeactivateDialogTests : ComponentTestBase
{
    private async Task<IRenderedComponent<MudProviders>> OpenAsync(long clientId)
    {
        var root = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<DeactivateDialog>
        {
            { d => d.ClientId, clientId }, { d => d.Name, "Astillero Norte SL" }, { d => d.Version, await Host.VersionOfAsync(clientId) },
        };
        await root.InvokeAsync(() => dialogs.ShowAsync<DeactivateDialog>("Deactivate", parameters));
        await root.WaitForAssertionAsync(() => Assert.False(FindMud<MudButton>(root, "deactivate-confirm").Instance.Disabled));
        return root;
    }

    private static Task TickAsync(IRenderedComponent<MudProviders> root, string id)
    {
        var box = FindMud<MudCheckBox<bool>>(root, id);
        return box.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(true));
    }

    private async Task ConfirmAsync(IRenderedComponent<MudProviders> root)
    {
        var button = FindMud<MudButton>(root, "deactivate-confirm");
        await button.InvokeAsync(() => button.Instance.OnClick.InvokeAsync(new()));
    }

    [Fact]
    public async Task DEA_2_with_invoices_and_subscriptions_the_dialog_shows_the_stakes_and_applies_both_choices()
    {
        var (company, _) = await Host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null));
        var invoice = await Host.IssuedAsync(DocumentType.Invoice, company);
        await Host.IssuedAsync(DocumentType.Invoice, company);
        var subscription = await Host.SubscribeAsync(company, "Amarre anual", SubscriptionInterval.Yearly);

        var root = await OpenAsync(company);

        Assert.Contains("2 invoices, €217.80 outstanding", root.Find("#deactivate-invoices").TextContent);
        Assert.Contains("Amarre anual (Yearly)", root.Find("#deactivate-subscriptions").TextContent);
        Assert.Contains("irreversible", root.Find("#deactivate-irreversible").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(root.FindAll("#deactivate-plain"));

        await TickAsync(root, "deactivate-hold");
        await TickAsync(root, "deactivate-end");
        await ConfirmAsync(root);

        await root.WaitForAssertionAsync(() => Assert.Empty(root.FindAll("#deactivate-intro")));
        Assert.Equal(ClientStatus.Inactive, (await Host.LoadAsync(company)).Status);
        Assert.True(await Host.OnHoldAsync(invoice));
        Assert.Equal(SubscriptionStatus.Ended, (await Host.SubscriptionAsync(subscription)).Status);
    }

    [Fact]
    public async Task DEA_2_leaving_both_boxes_unticked_deactivates_without_touching_invoices_or_subscriptions()
    {
        var company = await CreateCompanyAsync();
        var invoice = await Host.IssuedAsync(DocumentType.Invoice, company);
        var subscription = await Host.SubscribeAsync(company);

        var root = await OpenAsync(company);
        await ConfirmAsync(root);

        await root.WaitForAssertionAsync(() => Assert.Empty(root.FindAll("#deactivate-intro")));
        Assert.Equal(ClientStatus.Inactive, (await Host.LoadAsync(company)).Status);
        Assert.False(await Host.OnHoldAsync(invoice));
        Assert.Equal(SubscriptionStatus.Active, (await Host.SubscriptionAsync(subscription)).Status);
    }

    [Fact]
    public async Task DEA_2_with_invoices_only_the_subscription_choice_is_off_and_no_irreversible_warning_shows()
    {
        var company = await CreateCompanyAsync();
        await Host.IssuedAsync(DocumentType.Invoice, company);

        var root = await OpenAsync(company);

        Assert.True(FindMud<MudCheckBox<bool>>(root, "deactivate-end").Instance.Disabled);
        Assert.False(FindMud<MudCheckBox<bool>>(root, "deactivate-hold").Instance.Disabled);
        Assert.Contains(T["Lifecycle.Dialog.NoSubscriptions"], root.Find("#deactivate-subscriptions").TextContent);
        Assert.Empty(root.FindAll("#deactivate-irreversible"));
    }

    [Fact]
    public async Task DEA_2_without_invoices_or_subscriptions_it_is_a_plain_confirmation()
    {
        var company = await CreateCompanyAsync();

        var root = await OpenAsync(company);

        Assert.Contains("has no outstanding invoices and no active subscriptions", root.Find("#deactivate-plain").TextContent);
        Assert.Empty(root.FindAll("#deactivate-hold"));
        await ConfirmAsync(root);
        await root.WaitForAssertionAsync(() => Assert.Empty(root.FindAll("#deactivate-plain")));
        Assert.Equal(ClientStatus.Inactive, (await Host.LoadAsync(company)).Status);
    }

    [Fact]
    public async Task DEA_5_a_colleagues_edit_while_the_dialog_is_open_is_explained_and_nothing_changes()
    {
        var company = await CreateCompanyAsync();
        var invoice = await Host.IssuedAsync(DocumentType.Invoice, company);
        var root = await OpenAsync(company);
        var colleague = AsColleague<ClientService>();
        var form = (await colleague.GetAsync(company))!.Form;
        form.City = "Gijón";
        await colleague.UpdateAsync(company, form, await Host.VersionOfAsync(company));

        await TickAsync(root, "deactivate-hold");
        await ConfirmAsync(root);

        await root.WaitForAssertionAsync(() => Assert.Equal(T["Error.ClientChangedMeanwhile"], root.Find("#deactivate-error").TextContent.Trim()));
        Assert.Equal((ClientStatus.Active, "Gijón"), ((await Host.LoadAsync(company)).Status, (await Host.LoadAsync(company)).City));
        Assert.False(await Host.OnHoldAsync(invoice));
    }
}

using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Clients;

/// <summary>The create/edit dialog (NF-3): messages next to the fields, nothing half-saved, a colleague's save is not overwritten.</summary>
public class ClientFormDialogTests : ComponentTestBase
{
    private async Task<IDialogReference> OpenAsync(ClientKind kind, long? clientId = null, long version = 0, ClientForm? initial = null)
    {
        RenderProviders();
        var parameters = new DialogParameters<ClientFormDialog>
        {
            { d => d.Kind, kind }, { d => d.ClientId, clientId }, { d => d.Version, version }, { d => d.Initial, initial },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await Root.InvokeAsync(() => dialogs.ShowAsync<ClientFormDialog>("Client", parameters));
        await Root.WaitForAssertionAsync(() => Assert.NotNull(Root.Find("#client-save")));
        return dialog;
    }

    private Task TypeAsync(string id, string value) => Root.Find($"#{id}").ChangeAsync(new ChangeEventArgs { Value = value });

    private async Task UncheckAsync(string id)
    {
        var element = Root.Find($"#{id}");
        var input = element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
        await input.ChangeAsync(new ChangeEventArgs { Value = false });
    }

    private Task SaveAsync() => Root.Find("#client-save").ClickAsync(new());

    private async Task<int> ClientsInDatabaseAsync()
    {
        await using var db = Host.Db();
        return await db.Clients.CountAsync();
    }

    [Fact]
    public async Task NF_3_saving_a_company_without_name_shows_required_at_the_name_and_saves_nothing()
    {
        await OpenAsync(ClientKind.Company);
        await TypeAsync("field-email", "info@astillero.es");

        await SaveAsync();

        await Root.WaitForAssertionAsync(() => Assert.Equal("This field is required.", FieldMessage(Root, "field-companyname")));
        Assert.Equal(string.Empty, FieldMessage(Root, "field-email"));
        Assert.Equal(0, await ClientsInDatabaseAsync());
    }

    [Fact]
    public async Task NF_3_an_invalid_email_is_reported_at_the_email_field_and_nothing_is_saved()
    {
        await OpenAsync(ClientKind.Company);
        await TypeAsync("field-companyname", "Astillero Norte SL");
        await TypeAsync("field-email", "info@astillero");

        await SaveAsync();

        await Root.WaitForAssertionAsync(() =>
            Assert.Equal("Enter a valid email address, like name@example.com.", FieldMessage(Root, "field-email")));
        Assert.Equal(0, await ClientsInDatabaseAsync());
    }

    [Fact]
    public async Task NF_3_a_client_without_any_role_gets_the_role_message_and_nothing_is_saved()
    {
        await OpenAsync(ClientKind.Company);
        await TypeAsync("field-companyname", "Astillero Norte SL");
        await UncheckAsync("field-iscustomer");

        await SaveAsync();

        await Root.WaitForAssertionAsync(() =>
            Assert.Equal("Choose at least one role: Client or Supplier.", Root.Find("#roles-error").TextContent.Trim()));
        Assert.Equal(0, await ClientsInDatabaseAsync());
    }

    [Fact]
    public async Task NF_3_a_person_gets_messages_at_each_bad_field_and_is_saved_once_they_are_fixed()
    {
        var dialog = await OpenAsync(ClientKind.Person);
        await TypeAsync("field-firstname", "Zofia");
        await TypeAsync("field-phone", "call me");

        await SaveAsync();

        await Root.WaitForAssertionAsync(() =>
        {
            Assert.Equal("This field is required.", FieldMessage(Root, "field-lastname"));
            Assert.Equal("A phone number may contain only digits, spaces and + - ( ) .", FieldMessage(Root, "field-phone"));
        });
        Assert.Equal(string.Empty, FieldMessage(Root, "field-firstname"));

        await TypeAsync("field-lastname", "Nowak");
        await TypeAsync("field-phone", "+48 600 100 200");
        await SaveAsync();

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        var client = await Host.Get<ClientService>().GetAsync((long)result.Data!);
        Assert.Equal("Zofia Nowak", client!.Name);
        Assert.Equal("+48 600 100 200", client.Form.Phone);
    }

    [Fact]
    public async Task NF_3_an_email_another_contact_uses_is_reported_at_the_email_field()
    {
        await CreatePersonAsync("Jan", "Kowalski", f => f.Email = "jan@example.com");
        await OpenAsync(ClientKind.Person);
        await TypeAsync("field-firstname", "Janusz");
        await TypeAsync("field-lastname", "Kowal");
        await TypeAsync("field-email", "JAN@example.com");

        await SaveAsync();

        await Root.WaitForAssertionAsync(() =>
            Assert.Equal("Another contact already uses this email address.", FieldMessage(Root, "field-email")));
        Assert.Equal(1, await ClientsInDatabaseAsync());
    }

    [Fact]
    public async Task NF_3_saving_over_a_colleagues_newer_save_shows_the_concurrency_message_and_keeps_their_data()
    {
        var id = await CreateCompanyAsync("Astillero Norte SL");
        var opened = (await Host.Get<ClientService>().GetAsync(id))!;
        await OpenAsync(ClientKind.Company, id, opened.Version, opened.Form);
        var theirs = opened.Form.Clone();
        theirs.Phone = "+34 944 000 111";
        await AsColleague<ClientService>().UpdateAsync(id, theirs, opened.Version);
        await TypeAsync("field-phone", "+34 600 999 999");

        await SaveAsync();

        await Root.WaitForAssertionAsync(() => Assert.Equal(T["Error.ConcurrentEdit"], Root.Find("#form-error").TextContent.Trim()));
        Assert.Equal("+34 944 000 111", (await Host.Get<ClientService>().GetAsync(id))!.Form.Phone);
        Assert.NotNull(Root.Find("#client-save"));
    }
}

using System.Text.Json;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>Editing a client: concurrent editors, refused edits that leave no trace, and the audit trail (NF-3, NF-4).</summary>
public class ClientEditingTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_the_second_editor_from_an_old_version_is_refused_and_the_first_editors_data_stays(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var id = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var opened = (await clients.GetAsync(id))!;

        host.Actor.Current = TestActor.Office;
        var officeForm = opened.Form.Clone();
        officeForm.City = "Sevilla";
        Assert.Equal(2, await clients.UpdateAsync(id, officeForm, opened.Version));

        host.Actor.Current = TestActor.Sales;
        var salesForm = opened.Form.Clone();
        salesForm.Phone = "+34 911 111 111";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => clients.UpdateAsync(id, salesForm, opened.Version));

        var stored = (await clients.GetAsync(id))!;
        Assert.Equal("Sevilla", stored.Form.City);
        Assert.Equal(opened.Form.Phone, stored.Form.Phone);
        Assert.Equal(2, stored.Version);
        var edits = await host.Get<HistoryService>().ListAsync(id, HistoryKind.Edited);
        Assert.Equal("Olivier Office", Assert.Single(edits).ActorName);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_two_editors_saving_the_same_version_at_the_same_time_cannot_both_win(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var id = await host.CreateAsync(ClientBuilder.Company());
        var a = ClientBuilder.Company(change: f => f.City = "Vigo");
        var b = ClientBuilder.Company(change: f => f.City = "Cádiz");

        var winners = await Expect.RaceAsync(() => clients.UpdateAsync(id, a, 1), () => clients.UpdateAsync(id, b, 1));

        Assert.Equal(1, winners);
        var stored = (await clients.GetAsync(id))!;
        Assert.Equal(2, stored.Version);
        Assert.Single(await host.Get<HistoryService>().ListAsync(id, HistoryKind.Edited));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_an_invalid_edit_leaves_the_row_and_the_history_untouched(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var id = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak"));
        var before = (await clients.GetAsync(id))!;
        var counts = await host.CountsAsync();

        var form = before.Form.Clone();
        form.City = "Poznań";
        form.LastName = "";
        form.Phone = "call me";
        var error = await Expect.FieldErrorAsync(() => clients.UpdateAsync(id, form, before.Version), nameof(ClientForm.LastName), "Error.Required");
        Assert.Equal("Error.PhoneInvalid", error.Errors[nameof(ClientForm.Phone)]);

        var after = (await clients.GetAsync(id))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal("Nowak", after.Form.LastName);
        Assert.Equal(before.Form.City, after.Form.City);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(counts, await host.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_a_company_cannot_be_turned_into_a_person_nor_an_archived_client_edited(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var id = await host.CreateAsync(ClientBuilder.Company());

        var error = await Expect.RefusedAsync(() => clients.UpdateAsync(id, ClientBuilder.Person(), 1), "Error.KindCannotChange");
        Assert.Equal(nameof(ClientForm.Kind), error.Field);

        await host.ArchiveAsync(id);
        await Expect.RefusedAsync(() => clients.UpdateAsync(id, ClientBuilder.Company("Nuevo"), 1), "Error.ClientArchived");
        await Expect.RefusedAsync(() => clients.UpdateAsync(id + 1000, ClientBuilder.Company(), 1), "Error.ClientNotFound");
        Assert.Equal(1, (await host.CountsAsync()).History);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_4_an_edit_records_who_when_and_each_changed_field_and_a_save_without_changes_records_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var form = ClientBuilder.Company("Chantier Naval", f => f.City = "Brest");
        var id = await host.CreateAsync(form);

        host.Actor.Current = TestActor.Sales;
        host.Clock.Advance(TimeSpan.FromHours(3));
        form.City = "Lorient";
        form.IsSupplier = true;
        form.VatId = "  " + form.VatId + " ";
        Assert.Equal(2, await clients.UpdateAsync(id, form, 1));
        Assert.Equal(2, await clients.UpdateAsync(id, form.Clone(), 2));

        await using var db = host.Db();
        var edit = await db.History.SingleAsync(h => h.ClientId == id && h.Kind == HistoryKind.Edited);
        Assert.Equal(("sales-1", "Sylwia Sales"), (edit.UserId, edit.ActorName));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, edit.At);
        var changes = JsonSerializer.Deserialize<List<FieldChange>>(edit.Data!)!;
        Assert.Equal(
            [new FieldChange(nameof(ClientForm.City), "Brest", "Lorient"), new FieldChange(nameof(ClientForm.IsSupplier), "False", "True")],
            changes);
        var stored = (await clients.GetAsync(id))!;
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, stored.UpdatedAt);
    }
}

using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Users;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Commercial;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Commercial;

/// <summary>Removing a salesperson (COM-1): their follow-ups stay, under their name marked removed; nobody new can be given to them.</summary>
public class UserRemovalTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_1_a_removed_salesperson_keeps_their_follow_ups_and_cannot_be_assigned_until_restored(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await host.SalesTeamAsync();
        var client = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var id = await host.FollowUps().ScheduleAsync(client, CommercialData.Form(new DateOnly(2026, 11, 27), new TimeOnly(10, 0)));
        var users = host.Get<UserAdminService>();

        host.Actor.Current = TestActor.Office;
        await Assert.ThrowsAsync<NotAllowedException>(() => users.RemoveAsync(TestActor.Sales.UserId!));
        host.Actor.Current = TestActor.Admin;
        await Expect.RefusedAsync(() => users.RemoveAsync(TestActor.Admin.UserId!), "Error.UserRemoveSelf");
        await users.RemoveAsync(TestActor.Sales.UserId!);

        var row = (await host.FollowUpReads().ForClientAsync(client)).Open.Single();
        Assert.Equal((id, "Sylwia Sales", true), (row.Id, row.AssignedName, row.AssignedRemoved));
        Assert.NotNull((await users.ListAsync()).Single(u => u.Id == TestActor.Sales.UserId).RemovedAt);
        await Expect.FieldErrorAsync(() => host.FollowUps().ScheduleAsync(client, CommercialData.Form(new DateOnly(2026, 11, 27), new TimeOnly(11, 0))),
            nameof(FollowUpForm.AssignedUserId), "Error.UserRemoved|Sylwia Sales");
        // Their open follow-up can still be corrected without handing it over, and handed to someone else.
        await host.FollowUps().EditAsync(id, CommercialData.Form(new DateOnly(2026, 11, 27), new TimeOnly(12, 0), notes: "Llamar a mediodía"), row.Version);
        await using (var db = host.Db()) Assert.True(await db.Audit.AnyAsync(a => a.Action == "user.removed"));

        await users.RestoreAsync(TestActor.Sales.UserId!);
        await host.FollowUps().ScheduleAsync(client, CommercialData.Form(new DateOnly(2026, 11, 27), new TimeOnly(11, 0)));
    }
}

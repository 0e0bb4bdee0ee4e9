using System.Security.Claims;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Account;

/// <summary>
/// The signed-in staff user as the domain sees it. Roles and rights are read from the database
/// (briefly cached), so a role change applies within seconds, not at the next sign-in.
/// </summary>
public sealed class CurrentStaffActor(IServiceProvider services, IHttpContextAccessor http, CrmDbContextFactory dbs, TimeProvider clock) : ICurrentActor
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private Actor? _cached;
    private DateTimeOffset _cachedAt;

    public async Task<Actor> GetAsync()
    {
        var principal = await PrincipalAsync();
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return Actor.Anonymous;
        if (_cached is not null && _cached.UserId == userId && clock.GetUtcNow() - _cachedAt < CacheFor) return _cached;

        await using var db = dbs.CreateDbContext();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Rights, u.LockoutEnd }).FirstOrDefaultAsync();
        if (user is null) return Actor.Anonymous;
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!)
            .ToListAsync();
        _cached = new Actor(userId, user.DisplayName, roles.ToHashSet(), user.Rights);
        _cachedAt = clock.GetUtcNow();
        return _cached;
    }

    private async Task<ClaimsPrincipal?> PrincipalAsync()
    {
        // A portal contact is never staff. Its request's context also reaches staff circuits that reload on the change
        // it published (the change feed calls them in turn): those then go on as their own signed-in user.
        if (http.HttpContext?.User.Identity is { IsAuthenticated: true, AuthenticationType: not Portal.PortalAuth.Scheme }) return http.HttpContext.User;
        var auth = services.GetService<AuthenticationStateProvider>();
        if (auth is null) return null;
        try
        {
            return (await auth.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a component's scope (a plain HTTP endpoint) there is no authentication state.
            return null;
        }
    }
}

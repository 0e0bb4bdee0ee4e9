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
            .Select(u => new { u.DisplayName, u.Rights, u.LockoutEnd, u.RemovedAt }).FirstOrDefaultAsync();
        if (user is null || user.RemovedAt is not null) return Actor.Anonymous;
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!)
            .ToListAsync();
        _cached = new Actor(userId, user.DisplayName, roles.ToHashSet(), user.Rights);
        _cachedAt = clock.GetUtcNow();
        return _cached;
    }

    private async Task<ClaimsPrincipal?> PrincipalAsync()
    {
        // The circuit's own user first: a live reload runs on the execution context of whoever published the change, and
        // the HttpContext that flows with it is the publisher's (another user's circuit), not this circuit's.
        // A portal contact is never staff, whatever context reaches this code.
        var auth = services.GetService<AuthenticationStateProvider>();
        if (auth is not null)
        {
            try
            {
                var user = (await auth.GetAuthenticationStateAsync()).User;
                if (user.Identity?.IsAuthenticated == true) return user;
            }
            catch (InvalidOperationException)
            {
                // Outside a component's scope (a plain HTTP endpoint) there is no authentication state.
            }
        }
        return http.HttpContext?.User.Identity is { IsAuthenticated: true, AuthenticationType: not Portal.PortalAuth.Scheme } ? http.HttpContext.User : null;
    }
}

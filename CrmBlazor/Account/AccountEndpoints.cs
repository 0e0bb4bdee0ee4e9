using CrmBlazor.Domain.Users;
using CrmBlazor.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CrmBlazor.Account;

/// <summary>Sign-in and sign-out are plain form posts: a cookie can only be set on an HTTP response, not in a circuit.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async ([FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
            SignInManager<AppUser> signIn, UserManager<AppUser> users, HttpContext http) =>
        {
            var back = CultureEndpoints.IsLocal(returnUrl) ? returnUrl! : "/";
            var user = await users.FindByEmailAsync(email ?? string.Empty);
            if (user is null || user.RemovedAt is not null) // a removed user is told no more than a wrong password would
                return Results.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(back)}");

            var result = await signIn.PasswordSignInAsync(user, password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut)
                return Results.LocalRedirect($"/account/login?error=locked&returnUrl={Uri.EscapeDataString(back)}");
            if (!result.Succeeded)
                return Results.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(back)}");

            CultureSetup.WriteCultureCookie(http.Response, user.Culture);
            return Results.LocalRedirect(back);
        });

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization();
    }
}

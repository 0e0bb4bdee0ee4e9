namespace CrmBlazor.Hosting;

/// <summary>
/// Keeps a browser on the instance that holds its Blazor circuit when several run behind nginx: each instance,
/// named by <c>Hosting:InstanceName</c>, tells the browser its name in a cookie, and the nginx site of the
/// deployment guide routes by that cookie (a named instance that is down hands its browsers to another).
/// </summary>
public static class InstanceRoute
{
    public const string CookieName = "crm_route";

    public static IApplicationBuilder UseInstanceRoute(this IApplicationBuilder app, IConfiguration configuration)
    {
        var name = configuration["Hosting:InstanceName"];
        if (string.IsNullOrWhiteSpace(name)) return app;
        return app.Use((context, next) =>
        {
            if (context.Request.Cookies[CookieName] != name)
            {
                context.Response.Cookies.Append(CookieName, name, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    Path = "/",
                    IsEssential = true,
                });
            }
            return next(context);
        });
    }
}

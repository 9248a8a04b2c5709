using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using RichContact.Engine;
using RichContact.Web.Security;

namespace RichContact.Web.Auth;

/// <summary>The admin cookie, its keys, the logout endpoint and the Hangfire dashboard behind it.</summary>
public static class AdminAuthentication
{
    public const string LoginPath = "/login";
    public const string LogoutPath = "/logout";
    public const string JobsPath = "/admin/jobs";
    public const string CookieName = "richcontact.admin";

    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AdminOptions, AdminOptionsValidator>(configuration, AdminOptions.Section);
        services.AddSingleton<AdminAccount>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AdminSessions>();
        services.AddHostedService<AdminPasswordInitializer>();

        // The key ring the engine registered for the storage provider: the data directory's keys folder
        // (cookies, so logins, survive restarts), or on PostgreSQL a table all nodes share (a cookie
        // works on whichever node the reverse proxy picks).
        services.AddDataProtection().SetApplicationName("RichContact");
        services.AddKeyRingProtection();
        services.AddOptions<KeyManagementOptions>()
            .Configure<IXmlRepository>((keys, ring) => keys.XmlRepository = ring);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                // Secure even over http: browsers accept Secure cookies from localhost, and anywhere
                // else the portal belongs behind HTTPS.
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.LoginPath = LoginPath;
                cookie.LogoutPath = LogoutPath;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<AdminSessions>().ValidateAsync(context);
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AdminSessionRevalidation>();

        // Forms are posted only by the login and logout forms, both top-level and same-site. The
        // Crisp settings page in its cross-site iframe posts nothing and needs no cookie at all (the
        // Blazor circuit's WebSocket carries its own state), so Strict costs it nothing.
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.SuppressXFrameOptionsHeader = true; // FramingPolicy decides, per page
        });
        return services;
    }

    public static void MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LogoutPath, async (HttpContext context) =>
        {
            // UseAntiforgery only records the verdict; a minimal API without form binding must act on it.
            // A body, so that the status code pages do not re-execute the refused POST as a page.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                return Results.Text("Invalid or missing antiforgery token.", statusCode: StatusCodes.Status400BadRequest);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LoginPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute(), new RequestBodyLimitAttribute(RequestBodyLimitAttribute.Form));

        // RequireAuthorization redirects a logged-out visitor to the login page; the filter is
        // Hangfire's own gate (its default allows any local request).
        endpoints.MapHangfireDashboard(JobsPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization();
    }

    private sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.Identity?.IsAuthenticated == true;
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace RichContact.Web.Security;

/// <summary>
/// Only the Crisp settings page may be framed, and only by the configured ancestors (Crisp's
/// dashboard). Every other response refuses to be framed, so the admin portal cannot be clickjacked.
/// </summary>
public static class FramingPolicy
{
    public const string SettingsPath = "/crisp/settings";

    public static IApplicationBuilder UseRichContactFraming(this IApplicationBuilder app)
    {
        var ancestors = app.ApplicationServices.GetRequiredService<IOptions<WebOptions>>().Value.FrameAncestors;
        var settingsPolicy = $"frame-ancestors {ancestors}";
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (context.Request.Path.StartsWithSegments(SettingsPath, StringComparison.OrdinalIgnoreCase))
                {
                    // X-Frame-Options cannot name an ancestor; CSP frame-ancestors supersedes it.
                    headers.ContentSecurityPolicy = settingsPolicy;
                    headers.Remove(HeaderNames.XFrameOptions);
                }
                else
                {
                    headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                    headers.XFrameOptions = "DENY";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RichContact.Web.Auth;

namespace RichContact.Web.Security;

/// <summary>
/// The Crisp settings page is public: anyone may ask for it with made-up website ids, and a miss may
/// cost a refresh of the website list (Crisp quota, throttled for the whole cluster by the engine). Each
/// client (its address, as <see cref="LoginThrottle.ClientOf(IPAddress)"/> reads it) gets
/// <see cref="WebOptions.SettingsRequestsPerMinute"/> page loads a minute; beyond, 429 with <c>Retry-After</c>.
/// An owner opening the page in Crisp's dashboard loads it once; the form then talks over its circuit.
/// </summary>
public static class SettingsPageRateLimit
{
    public const string Policy = "crisp-settings";

    public static IServiceCollection AddSettingsPageRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.SettingsRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(LoginThrottle.ClientOf(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, ct) =>
            {
                rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A body, so that the status code pages do not re-execute the refused request as a page.
                await rejected.HttpContext.Response.WriteAsync("Too many requests: try again in a minute.", ct);
            };
        });
        return services;
    }
}

using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RichContact.Web.Security;

/// <summary>
/// Forwarded headers believed from <see cref="WebOptions.TrustedProxies"/> only. ASP.NET Core's
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> believes every sender: wherever the app is reachable
/// without the proxy, a made-up <c>X-Forwarded-For</c> would give each password guess a fresh
/// address and make a stranger look like a local Prometheus.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddSingleton<UntrustedForwardingLog>();
        // PostConfigure: runs after the host's own setup, which the environment variable above would
        // have made trust everyone.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<WebOptions>>((forwarded, web) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // Validated at start (WebOptionsValidator); an invalid list never gets here.
            if (IPNetworks.Invalid(web.Value.TrustedProxies).Count == 0)
                foreach (var network in IPNetworks.Parse(web.Value.TrustedProxies).Networks)
                    forwarded.KnownIPNetworks.Add(network);
            // One proxy in front of the app: the address it appended is the client's. Addresses further
            // left were written by the client and prove nothing.
            forwarded.ForwardLimit = 1;
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<UntrustedForwardingLog>();
        var trusted = IPNetworks.Parse(app.ApplicationServices.GetRequiredService<IOptions<WebOptions>>().Value.TrustedProxies);
        app.Use((context, next) =>
        {
            var sender = context.Connection.RemoteIpAddress;
            if ((context.Request.Headers.ContainsKey(ForwardedHeadersDefaults.XForwardedForHeaderName)
                    || context.Request.Headers.ContainsKey(ForwardedHeadersDefaults.XForwardedProtoHeaderName))
                && !trusted.Allows(sender))
                log.Ignored(sender);
            return next(context);
        });
        return app.UseForwardedHeaders();
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Rest;

/// <summary>
/// What every <c>/v1/</c> call meets before its route: counting (quota), injected faults, Basic auth,
/// the plugin tier, unknown routes and routes closed to plugins.
/// </summary>
internal sealed partial class CrispApiGate(RequestDelegate next, SandboxState state)
{
    public const string UnknownRoute = "(unknown)";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var route = endpoint?.Metadata.GetMetadata<CrispRoute>();
        var template = route is not null && endpoint is RouteEndpoint routeEndpoint
            // A group's own route ("") ends in a slash that its callers never send.
            ? "/" + Constraint().Replace(routeEndpoint.RoutePattern.RawText?.Trim('/') ?? "", "{$1}")
            : UnknownRoute;
        state.Requests.Count(context.Request.Method, template);

        if (state.Faults.RestLatencyMs > 0)
            await Task.Delay(state.Faults.RestLatencyMs, context.RequestAborted);
        if (state.Faults.TryTakeRestFailure(out var status, out var retryAfter))
        {
            if (retryAfter is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Envelope.WriteErrorAsync(context, status, FaultReason(status));
            return;
        }
        if (!Authenticated(context.Request) || context.Request.Headers["X-Crisp-Tier"] != "plugin")
        {
            await Envelope.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_session");
            return;
        }
        if (route is null)
        {
            await Envelope.WriteErrorAsync(context, StatusCodes.Status404NotFound, "not_found");
            return;
        }
        if (!route.OpenToPlugins)
        {
            await Envelope.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "restricted_route_tier");
            return;
        }
        await next(context);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex Constraint();

    private bool Authenticated(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        byte[] given;
        try
        {
            given = Convert.FromBase64String(header.Parameter);
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = Encoding.UTF8.GetBytes(state.Options.Identifier + ":" + state.Options.Key);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static string FaultReason(int status) => status switch
    {
        429 => "too_many_requests",
        420 => "quota_limit_exceeded",
        500 => "internal_error",
        503 => "service_unavailable",
        _ => "error",
    };
}

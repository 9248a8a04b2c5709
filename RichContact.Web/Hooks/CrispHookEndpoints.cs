using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Hooks;
using RichContact.Web.Security;

namespace RichContact.Web.Hooks;

/// <summary><c>POST /crisp/hooks</c>: where Crisp delivers its Web Hooks when <c>RichContact:Crisp:Events</c> is <c>hooks</c>.</summary>
public static class CrispHookEndpoints
{
    /// <summary>Crisp's events are small; a body beyond this is not one of them.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapCrispHooks(this IEndpointRouteBuilder endpoints)
    {
        // The limit is the server's, applied while the body is read (RequestBodyLimits): anyone may
        // post here before the signature is checked, and a chunked body has no length to check first.
        endpoints.MapPost("/crisp/hooks", ReceiveAsync).DisableAntiforgery().AllowAnonymous()
            .WithMetadata(new RequestBodyLimitAttribute(MaxBodyBytes));
        return endpoints;
    }

    /// <summary>
    /// Answers at once: the event only goes into the engine's queue. 200 for a delivery taken or
    /// already taken (so that Crisp stops sending it), 401 for a wrong signature or a stale
    /// timestamp, 404 when this node does not take Web Hooks, 503 when PostgreSQL could not record the
    /// delivery as taken (Crisp sends it again).
    /// </summary>
    private static async Task<IResult> ReceiveAsync(HttpRequest request, CrispHookReceiver receiver, IOptions<CrispOptions> options, CancellationToken ct)
    {
        if (options.Value.Events != CrispEventSource.Hooks)
            return Answer(StatusCodes.Status404NotFound, "This node takes Crisp's events over RTM (RichContact:Crisp:Events).");
        using var body = new MemoryStream();
        // Past MaxBodyBytes the server stops reading and throws; RequestBodyLimits answers 413.
        await request.Body.CopyToAsync(body, ct);

        return await receiver.ReceiveAsync(body.GetBuffer().AsMemory(0, (int)body.Length),
                request.Headers["X-Crisp-Request-Timestamp"].FirstOrDefault(), request.Headers["X-Crisp-Signature"].FirstOrDefault(), ct) switch
        {
            HookDelivery.Refused => Answer(StatusCodes.Status401Unauthorized, "Missing or wrong X-Crisp-Signature, or a stale X-Crisp-Request-Timestamp."),
            HookDelivery.Unavailable => Answer(StatusCodes.Status503ServiceUnavailable, "The database is unavailable: send it again later."),
            _ => Results.Ok(),
        };
    }

    /// <summary>With a body, so that the app's status code pages leave the answer as it is.</summary>
    private static IResult Answer(int status, string text) => Results.Text(text, statusCode: status);
}

using System.Text.Json.Nodes;
using RichContact.Sandbox.Conversations;
using RichContact.Sandbox.Events;
using RichContact.Sandbox.Rest;
using RichContact.Sandbox.Rtm;
using RichContact.Sandbox.Search;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Control;

/// <summary><c>/_sandbox/</c>: drives the sandbox (what channels, people and failures would do). Loopback callers only.</summary>
internal static class ControlRoutes
{
    public const string Prefix = "/_sandbox";

    public static void MapControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(Prefix);

        control.MapPost("/conversations", (StartConversationRequest request, ConversationStarter starter) =>
            string.IsNullOrWhiteSpace(request.Origin) || request.CreatedAt > DateTimeOffset.UtcNow ? Problem(400, "invalid_data")
            : starter.Start(request) is { } started ? Results.Ok(started)
            : Problem(404, "not_subscribed"));
        control.MapPost("/conversations/{session_id}/messages", (string session_id, SendMessageRequest request, ConversationStarter starter) =>
            starter.SendMessage(session_id, request.Content) is { } sent ? Results.Ok(sent) : Problem(404, "session_not_found"));

        control.MapPatch("/conversations/{session_id}", (string session_id, ConversationDetailsRequest request, ConversationStarter starter) =>
            starter.SetDetails(session_id, request) ? Results.NoContent() : Problem(404, "session_not_found"));
        control.MapDelete("/conversations/{session_id}", (string session_id, ConversationStarter starter) =>
            starter.Remove(session_id) ? Results.NoContent() : Problem(404, "session_not_found"));

        control.MapPeopleExtrasControl();
        control.MapGet("/websites/{website_id}/profiles", (string website_id, SandboxState state) =>
            state.Website(website_id) is { } website ? Results.Text(new JsonArray(website.People.All().Select(p => (JsonNode)p).ToArray()).ToJsonString(Json.Wire), "application/json")
            : Problem(404, "not_subscribed"));
        control.MapPost("/websites/{website_id}/profiles", async (string website_id, HttpContext context, SandboxState state, EventBus events) =>
        {
            if (state.Website(website_id) is not { } website)
                return Problem(404, "not_subscribed");
            if (await Envelope.ReadObjectAsync(context.Request) is not { } body)
                return Problem(400, "invalid_data");
            return PeopleRoutes.Create(website, body, events);
        });
        control.MapPatch("/websites/{website_id}/profiles/{people_id}", async (string website_id, string people_id, HttpContext context, SandboxState state) =>
        {
            // An agent editing a contact in Crisp's dashboard.
            if (state.Website(website_id) is not { } website)
                return Problem(404, "not_subscribed");
            if (await Envelope.ReadObjectAsync(context.Request) is not { } patch)
                return Problem(400, "invalid_data");
            return website.People.Update(people_id, patch).Outcome switch
            {
                PeopleWriteOutcome.Done => Results.NoContent(),
                PeopleWriteOutcome.NotFound => Problem(404, "people_not_found"),
                PeopleWriteOutcome.EmailTaken => Problem(409, "people_exists"),
                _ => Problem(400, "invalid_data"),
            };
        });
        control.MapPost("/websites/{website_id}/profiles/prefill", (string website_id, PrefillRequest request, SandboxState state) =>
        {
            if (state.Website(website_id) is not { } website)
                return Problem(404, "not_subscribed");
            if (request.Count is < 0 or > 100_000)
                return Problem(400, "invalid_data");
            foreach (var profile in HandMadeContacts.Generate(request.Count, request.Seed ?? (int)website.Order))
                website.People.Create(profile);
            return Results.Ok(new { count = website.People.Count });
        });

        control.MapPost("/websites/{website_id}/conversations/prefill", (string website_id, PastConversationsRequest request, SandboxState state) =>
        {
            if (state.Website(website_id) is not { } website)
                return Problem(404, "not_subscribed");
            if (request.Count is < 0 or > 100_000 || request.Days is < 1 or > 3650)
                return Problem(400, "invalid_data");
            PastConversations.Prefill(state, website.Id, request.Count, request.Days, request.Seed ?? (int)website.Order, DateTimeOffset.UtcNow);
            return Results.Ok(new { count = website.Conversations.Count });
        });

        control.MapPut("/websites/{website_id}/people-limit", (string website_id, PeopleLimitReading reading, SandboxState state) =>
        {
            if (state.Website(website_id) is not { } website)
                return Problem(404, "not_subscribed");
            if (!PeopleLimitReadings.IsKnown(reading.PeopleLimit))
                return Problem(400, "invalid_data");
            website.PeopleLimit = reading.PeopleLimit;
            return Results.Ok(reading);
        });

        control.MapGet("/search", (SandboxState state) => Results.Ok(state.Search));
        control.MapPut("/search", (SearchReading reading, SandboxState state) =>
        {
            if (reading.Problem() is { } problem)
                return Results.Json(new { error = "invalid_data", problem }, statusCode: 400);
            state.Search = reading;
            return Results.Ok(reading);
        });

        control.MapGet("/website-route", (SandboxState state) =>
            Results.Ok(new WebsiteRouteReading(state.WebsiteRouteRefused ? WebsiteRouteReadings.Refused : WebsiteRouteReadings.Answered)));
        control.MapPut("/website-route", (WebsiteRouteReading reading, SandboxState state) =>
        {
            if (reading.WebsiteRoute is not (WebsiteRouteReadings.Answered or WebsiteRouteReadings.Refused))
                return Problem(400, "invalid_data");
            state.WebsiteRouteRefused = reading.WebsiteRoute == WebsiteRouteReadings.Refused;
            return Results.Ok(reading);
        });

        control.MapPost("/websites", (SubscribeWebsiteRequest request, SandboxState state, EventBus events) =>
        {
            var website = state.Subscribe(request.WebsiteId ?? Guid.NewGuid().ToString(), request.Token ?? Guid.NewGuid().ToString("n"), request.Name, request.Domain);
            events.Publish(website.Id, CrispEvents.SubscriptionUpdated, Subscription(state, true));
            return Results.Ok(new SubscribedWebsite(website.Id, website.Token));
        });
        control.MapDelete("/websites/{website_id}", (string website_id, SandboxState state, EventBus events) =>
        {
            if (!state.Unsubscribe(website_id))
                return Problem(404, "not_subscribed");
            events.Publish(website_id, CrispEvents.SubscriptionUpdated, Subscription(state, false));
            return Results.NoContent();
        });

        control.MapGet("/requests", (SandboxState state) => Results.Ok(new SandboxRequestCounts(state.Requests.Total,
            state.Requests.Snapshot().Select(r => new SandboxRouteCount(r.Method, r.Route, r.Count)).ToList())));
        control.MapDelete("/requests", (SandboxState state) =>
        {
            state.Requests.Reset();
            return Results.NoContent();
        });

        control.MapPost("/faults", (SandboxFaults faults, SandboxState state, RtmHub hub, RtmRelays relays) =>
        {
            if (faults.RestStatus is { } status)
                state.Faults.FailRest(status, faults.RestCount ?? 1, faults.RetryAfterSeconds);
            if (faults.LatencyMs is { } latency)
                state.Faults.SetLatency(latency);
            if (faults.LoseHookAnswers is { } lost)
                state.Faults.LoseHookAnswers(lost);
            if (faults.RefuseAuthentications is { } refusals)
                state.Faults.RefuseAuthentications(refusals);
            if (faults.RefuseRtmSeconds is { } seconds)
                state.Faults.RefuseRtmFor(TimeSpan.FromSeconds(seconds));
            // Moved before the drop, so that no client reconnects to the old address in between.
            if (faults.MoveRtm)
                relays.Move();
            var dropped = faults.DropSockets || faults.MoveRtm ? hub.DropAll() : 0;
            return Results.Ok(new { dropped_sockets = dropped });
        });
        control.MapDelete("/faults", (SandboxState state) =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });

        control.MapGet("/hooks", (Hooks.HookDispatcher hooks) => Results.Ok(new SandboxHookCounts(hooks.Delivered, hooks.Failed, hooks.Pending)));

        control.MapGet("/sockets", (RtmHub hub) => Results.Ok(hub.Connections.Select(c => new SandboxSocket(c.Sid, c.Eio,
            c.Binding is not null, c.Binding?.Events.Order().ToList() ?? [], c.Binding?.Websites.Order().ToList() ?? [], c.BindAttempts, c.Address)).ToList()));
    }

    private static JsonObject Subscription(SandboxState state, bool bound) => new()
    {
        ["plugin_id"] = state.Options.PluginId,
        ["bound"] = bound,
        ["target"] = "website",
    };

    private static IResult Problem(int status, string reason) => Results.Json(new { error = reason }, statusCode: status);

    /// <summary>The control API changes what "Crisp" does; only this machine may drive it.</summary>
    public static Task LoopbackOnly(HttpContext context, Func<Task> next)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is { IsIPv4MappedToIPv6: true })
            remote = remote.MapToIPv4();
        if (remote is null || !System.Net.IPAddress.IsLoopback(remote))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsJsonAsync(new { error = "loopback_only" });
        }
        return next();
    }
}

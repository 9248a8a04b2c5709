using System.Text.Json.Nodes;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Rest;

/// <summary>
/// A profile's email subscription and its timeline events (<c>people/subscription/{people_id}</c>,
/// <c>people/events/{people_id}</c>), as Crisp's official clients show the routes; whether a plugin
/// token may change the subscription is <see cref="SandboxOptions.PeopleSubscription"/>.
/// </summary>
internal static class PeopleExtrasRoutes
{
    public static void MapPeopleExtras(this RouteGroupBuilder website)
    {
        website.MapGet("/people/subscription/{people_id}", (string people_id, HttpContext context) =>
            context.Website() is var found && found.People.Get(people_id) is { } profile
                ? Envelope.Ok(new JsonObject { ["email"] = found.Extras.EmailSubscribed(Json.String(profile["people_id"])!) })
                : Envelope.NotFound("people_not_found"));
        website.MapPatch("/people/subscription/{people_id}", async (string people_id, HttpContext context, SandboxState state) =>
        {
            if (state.Options.PeopleSubscription == PeopleSubscriptionReadings.Refused)
                return Envelope.Error(StatusCodes.Status403Forbidden, "restricted_route_tier");
            if (await Envelope.ReadObjectAsync(context.Request) is not { } body || body["email"] is not JsonValue email
                || !email.TryGetValue<bool>(out var subscribed))
                return Envelope.InvalidData();
            var found = context.Website();
            if (found.People.Get(people_id) is not { } profile)
                return Envelope.NotFound("people_not_found");
            found.Extras.SetEmailSubscribed(Json.String(profile["people_id"])!, subscribed);
            return Envelope.Ok(new JsonObject(), "updated");
        });
        website.MapPost("/people/events/{people_id}", async (string people_id, HttpContext context) =>
        {
            if (await Envelope.ReadObjectAsync(context.Request) is not { } body || Json.String(body["text"]) is not { Length: > 0 })
                return Envelope.InvalidData();
            var found = context.Website();
            if (found.People.Get(people_id) is not { } profile)
                return Envelope.NotFound("people_not_found");
            body["timestamp"] = UnixTime.NowMs();
            found.Extras.AddEvent(Json.String(profile["people_id"])!, body);
            return Envelope.Ok(new JsonObject(), "added");
        });
    }

    /// <summary>The control API's view of them: <c>GET /_sandbox/websites/{website_id}/people/{people_id}/extras</c>.</summary>
    public static void MapPeopleExtrasControl(this RouteGroupBuilder control) =>
        control.MapGet("/websites/{website_id}/people/{people_id}/extras", (string website_id, string people_id, SandboxState state) =>
            state.Website(website_id) is { } website
                ? Results.Json(new JsonObject
                {
                    ["email_subscribed"] = website.Extras.EmailSubscribed(people_id),
                    ["events"] = new JsonArray(website.Extras.Events(people_id).Select(e => (JsonNode)e).ToArray()),
                })
                : Results.Json(new { error = "not_subscribed" }, statusCode: 404));
}

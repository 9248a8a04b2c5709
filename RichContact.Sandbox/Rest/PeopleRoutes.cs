using System.Text.Json.Nodes;
using RichContact.Sandbox.Events;
using RichContact.Sandbox.Search;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Rest;

/// <summary>People profiles (CRM contacts) of a website. <c>{people_id}</c> may be the profile's id or its email.</summary>
internal static class PeopleRoutes
{
    public static void MapPeople(this RouteGroupBuilder website)
    {
        website.MapPost("/people/profile", async (HttpContext context, EventBus events, SandboxState state) =>
        {
            if (await Envelope.ReadObjectAsync(context.Request) is not { } body)
                return Envelope.InvalidData();
            if (PeopleLimitReadings.Answer(context.Website().PeopleLimit) is { } refusal)
                return Envelope.Error(refusal.Status, refusal.Reason);
            return Create(context.Website(), body, events, state.Search.IndexLagMs);
        });
        website.MapMethods("/people/profile/{people_id}", [HttpMethods.Head], (string people_id, HttpContext context) =>
            context.Website().People.Get(people_id) is null ? Results.NotFound() : Results.Ok());
        website.MapGet("/people/profile/{people_id}", (string people_id, HttpContext context) =>
            context.Website().People.Get(people_id) is { } profile ? Envelope.Ok(profile) : Envelope.NotFound("people_not_found"));
        website.MapPut("/people/profile/{people_id}", (string people_id, HttpContext context, EventBus events) =>
            WriteAsync(context, events, body => context.Website().People.Replace(people_id, body)));
        website.MapPatch("/people/profile/{people_id}", (string people_id, HttpContext context, EventBus events) =>
            WriteAsync(context, events, body => context.Website().People.Update(people_id, body)));
        website.MapDelete("/people/profile/{people_id}", (string people_id, HttpContext context, EventBus events) =>
        {
            var website = context.Website();
            if (website.People.Remove(people_id) is not { } removed)
                return Envelope.NotFound("people_not_found");
            events.Publish(website.Id, CrispEvents.ProfileRemoved, new JsonObject { ["people_id"] = removed["people_id"]?.DeepClone() });
            return Envelope.Ok(new JsonObject(), "deleted");
        });
        website.MapGet("/people/profiles/{page:int}", (int page, int? per_page, string? search_operator, string? search_filter,
            string? search_text, HttpContext context, SandboxState state) =>
        {
            var reading = state.Search;
            var query = PeopleQuery.Parse(search_filter, search_operator, search_text);
            if (page < 1 || query is null || reading.Refuses(query))
                return Envelope.InvalidData();
            var perPage = Math.Clamp(per_page ?? 20, 1, reading.MaxPerPage);
            var profiles = context.Website().People.Search(query, reading, page, perPage);
            return Envelope.Ok(new JsonArray(profiles.Select(p => (JsonNode)p).ToArray()));
        });
    }

    /// <summary>
    /// Creation as Crisp does it, shared with the control API's seeding: an email is required and
    /// unique. A profile enters search results <paramref name="indexLagMs"/> after it is created.
    /// </summary>
    public static IResult Create(WebsiteState website, JsonObject body, EventBus events, int indexLagMs = 0)
    {
        var (outcome, profile) = website.People.Create(body, indexLagMs);
        return outcome switch
        {
            PeopleWriteOutcome.Invalid => Envelope.InvalidData(),
            PeopleWriteOutcome.EmailTaken => Envelope.Error(StatusCodes.Status409Conflict, "people_exists"),
            _ => Created(website, profile!, events),
        };
    }

    private static IResult Created(WebsiteState website, JsonObject profile, EventBus events)
    {
        events.Publish(website.Id, CrispEvents.ProfileCreated, new JsonObject
        {
            ["people_id"] = profile["people_id"]?.DeepClone(),
            ["email"] = profile["email"]?.DeepClone(),
            ["created_at"] = profile["created_at"]?.DeepClone(),
        });
        return Envelope.Ok(new JsonObject { ["people_id"] = profile["people_id"]?.DeepClone() }, "added");
    }

    private static async Task<IResult> WriteAsync(HttpContext context, EventBus events,
        Func<JsonObject, (PeopleWriteOutcome, JsonObject?)> write)
    {
        if (await Envelope.ReadObjectAsync(context.Request) is not { } body)
            return Envelope.InvalidData();
        var (outcome, profile) = write(body);
        switch (outcome)
        {
            case PeopleWriteOutcome.NotFound:
                return Envelope.NotFound("people_not_found");
            case PeopleWriteOutcome.Invalid:
                return Envelope.InvalidData();
            case PeopleWriteOutcome.EmailTaken:
                return Envelope.Error(StatusCodes.Status409Conflict, "people_exists");
        }
        events.Publish(context.Website().Id, CrispEvents.ProfileUpdated, new JsonObject
        {
            ["people_id"] = profile!["people_id"]?.DeepClone(),
            ["email"] = profile["email"]?.DeepClone(),
        });
        return Envelope.Ok(new JsonObject(), "updated");
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Rest;

/// <summary>Conversations of a website: one conversation, its meta, its messages, and the dated list.</summary>
internal static class ConversationRoutes
{
    public static void MapConversations(this RouteGroupBuilder website)
    {
        website.MapGet("/conversation/{session_id}", (string session_id, HttpContext context) =>
            context.Website().Conversations.TryGetValue(session_id, out var conversation)
                ? Envelope.Ok(conversation.ToJson())
                : Envelope.NotFound("session_not_found"));
        website.MapGet("/conversation/{session_id}/meta", (string session_id, HttpContext context) =>
            context.Website().Conversations.TryGetValue(session_id, out var conversation)
                ? Envelope.Ok(conversation.Meta)
                : Envelope.NotFound("session_not_found"));
        // The latest page of messages (Crisp pages older ones with timestamp_before, which no caller here needs).
        // A refusing reading plays a token whose scopes do not open the route: refused whatever the session.
        website.MapGet("/conversation/{session_id}/messages", (string session_id, HttpContext context, SandboxOptions options) =>
            ConversationMessagesReadings.Refusal(options.ConversationMessages) is { } refusal ? Envelope.Error(refusal.Status, refusal.Reason)
            : context.Website().Conversations.TryGetValue(session_id, out var conversation) ? Envelope.Ok(conversation.Messages(20))
            : Envelope.NotFound("session_not_found"));
        website.MapPatch("/conversation/{session_id}/meta", async (string session_id, HttpContext context) =>
        {
            if (!context.Website().Conversations.TryGetValue(session_id, out var conversation))
                return Envelope.NotFound("session_not_found");
            if (await Envelope.ReadObjectAsync(context.Request) is not { } patch)
                return Envelope.InvalidData();
            conversation.MergeMeta(patch);
            return Envelope.Ok(new JsonObject(), "updated");
        });
        website.MapGet("/conversations/{page:int}", (int page, int? per_page, string? filter_date_start, string? filter_date_end, HttpContext context, SandboxOptions options) =>
        {
            if (page < 1 || !TryDate(filter_date_start, out var start) || !TryDate(filter_date_end, out var end))
                return Envelope.InvalidData();
            var perPage = Math.Clamp(per_page ?? 20, 1, 50);
            long? Filtered(State.Conversation c) => options.ConversationListFilter switch
            {
                ConversationListFilters.Updated => c.UpdatedAt,
                ConversationListFilters.Ignored => null,
                _ => c.CreatedAt,
            };
            var items = context.Website().Conversations.Values
                .Where(c => Filtered(c) is not { } at || (start is null || at >= start) && (end is null || at <= end))
                .OrderByDescending(c => c.UpdatedAt)
                .Skip((page - 1) * perPage).Take(perPage)
                .Select(c => (JsonNode)c.ToJson());
            return Envelope.Ok(new JsonArray(items.ToArray()));
        });
    }

    private static bool TryDate(string? text, out long? unixMs)
    {
        unixMs = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return false;
        unixMs = date.ToUnixTimeMilliseconds();
        return true;
    }
}

using System.Text.Json;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>A people profile as far as dedup needs it.</summary>
public sealed record PeopleProfile(string PeopleId, string? Email, string? Phone)
{
    internal static PeopleProfile? From(JsonElement item) =>
        item.String("people_id") is { } id ? new PeopleProfile(id, item.String("email"), item.String("person", "phone")) : null;
}

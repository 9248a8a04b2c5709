using System.Text.Json;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// What Crisp tells about a conversation's visitor, gathered from RTM events or read from the
/// conversation meta. Personal data: kept in memory only, never logged or stored.
/// </summary>
public sealed record VisitorDetails
{
    public string? Origin { get; init; }
    public string? Nickname { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Country { get; init; }
    public string? City { get; init; }

    /// <summary>
    /// The <c>user.user_id</c> of the visitor's messages: the person's id on the channel when Crisp gives
    /// one, else the conversation's own (docs/crisp.md). Only RTM and Web Hooks carry it; the meta does not.
    /// </summary>
    public string? ChannelUserId { get; init; }

    /// <summary>These details, with every field <paramref name="newer"/> sets taking its place.</summary>
    public VisitorDetails With(VisitorDetails newer) => new()
    {
        Origin = newer.Origin ?? Origin,
        Nickname = newer.Nickname ?? Nickname,
        Email = newer.Email ?? Email,
        Phone = newer.Phone ?? Phone,
        Country = newer.Country ?? Country,
        City = newer.City ?? City,
        ChannelUserId = newer.ChannelUserId ?? ChannelUserId,
    };

    /// <summary>From the <c>data</c> of a conversation meta (docs/crisp.md).</summary>
    internal static VisitorDetails FromMeta(JsonElement data) => new()
    {
        Origin = data.String("origin"),
        Nickname = data.String("nickname"),
        Email = data.String("email"),
        Phone = data.String("phone"),
        Country = data.String("device", "geolocation", "country"),
        City = data.String("device", "geolocation", "city"),
    };
}

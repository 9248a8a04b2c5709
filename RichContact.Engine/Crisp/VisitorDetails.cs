namespace RichContact.Engine.Crisp;

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

    /// <summary>These details, with every field <paramref name="newer"/> sets taking its place.</summary>
    public VisitorDetails With(VisitorDetails newer) => new()
    {
        Origin = newer.Origin ?? Origin,
        Nickname = newer.Nickname ?? Nickname,
        Email = newer.Email ?? Email,
        Phone = newer.Phone ?? Phone,
        Country = newer.Country ?? Country,
        City = newer.City ?? City,
    };

    internal static VisitorDetails From(ConversationMeta meta) => new()
    {
        Origin = meta.Origin, Nickname = meta.Nickname, Email = meta.Email, Phone = meta.Phone, Country = meta.Country, City = meta.City,
    };
}

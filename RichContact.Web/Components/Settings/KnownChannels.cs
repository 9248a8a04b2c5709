namespace RichContact.Web.Components.Settings;

/// <summary>
/// The messaging channels the settings pick list and the sandbox form offer, by their origin name
/// (<c>urn:crisp.im:whatsapp:0</c> → <c>whatsapp</c>, see crisp-api.md §5). Display names come from
/// the engine's <see cref="RichContact.Engine.Channels.ChannelOrigin"/>.
/// </summary>
public static class KnownChannels
{
    public static readonly IReadOnlyList<string> PickList =
        ["whatsapp", "instagram", "messenger", "telegram", "line", "x", "sms", "viber", "aircall"];

    /// <summary>The pick list, then the other names seen or already chosen, each once.</summary>
    public static IReadOnlyList<string> Offered(IEnumerable<string> seen, IEnumerable<string> chosen) =>
        PickList
            .Concat(seen.Concat(chosen).Where(n => !string.IsNullOrWhiteSpace(n)).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

using RichContact.Engine.Channels;

namespace RichContact.Web.Components.Settings;

/// <summary>The channels a pick list offers, by their origin name (<c>urn:crisp.im:whatsapp:0</c> → <c>whatsapp</c>).</summary>
public static class KnownChannels
{
    /// <summary>The engine's pick list, then the other names seen or already chosen, each once.</summary>
    public static IReadOnlyList<string> Offered(IEnumerable<string> seen, IEnumerable<string> chosen) =>
        ChannelOrigin.PickList
            .Concat(seen.Concat(chosen).Where(n => !string.IsNullOrWhiteSpace(n)).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

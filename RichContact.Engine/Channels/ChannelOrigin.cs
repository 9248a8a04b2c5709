namespace RichContact.Engine.Channels;

/// <summary>
/// Turns a conversation's Crisp <c>origin</c> into a messaging channel name. Every integration's
/// messages carry <c>urn:&lt;owner&gt;:&lt;name&gt;:&lt;version&gt;</c> [doc]; the channel is the
/// <c>name</c> part (<c>urn:crisp.im:whatsapp:0</c> → <c>whatsapp</c>). <c>chat</c> (the website's
/// chat box) and <c>email</c> are not messaging channels: Crisp handles their contacts itself.
/// </summary>
public static class ChannelOrigin
{
    private const string UrnPrefix = "urn:";

    /// <summary>
    /// The channels we know, in the order pick lists offer them, with their display names [guess for
    /// all but WhatsApp and Instagram, see docs/crisp.md]. Old names and forms are not offered.
    /// </summary>
    private static readonly (string Name, string DisplayName, bool Offered)[] Known =
    [
        ("whatsapp", "WhatsApp", true),
        ("instagram", "Instagram", true),
        ("messenger", "Messenger", true),
        ("telegram", "Telegram", true),
        ("line", "LINE", true),
        ("x", "X", true),
        ("sms", "SMS", true),
        ("viber", "Viber", true),
        ("aircall", "Aircall", true),
        ("twitter", "X", false),
        ("contact-form", "Contact form", false),
    ];

    private static readonly Dictionary<string, string> KnownNames = Known.ToDictionary(c => c.Name, c => c.DisplayName, StringComparer.Ordinal);

    /// <summary>
    /// Every channel not <see cref="Known"/>, where a channel is a label or a list entry: a metric's
    /// <c>channel</c>, the feed's filter, the overview's counts. Any <c>urn:&lt;owner&gt;:&lt;name&gt;:</c>
    /// makes a channel, and each new name would be one more series for Prometheus and one more entry
    /// in every list, so the names are capped as the website label is.
    /// </summary>
    public const string Other = "other";

    /// <summary>The known channels' names, <see cref="Other"/>'s complement (for a database query).</summary>
    public static IReadOnlyList<string> KnownChannelNames { get; } = Known.Select(c => c.Name).ToList();

    /// <summary>The channel's name when known, else <see cref="Other"/>.</summary>
    public static string Label(string channel) => KnownNames.ContainsKey(channel) ? channel : Other;

    /// <summary>The messaging channels settings offer by name, before any channel seen on the website.</summary>
    public static IReadOnlyList<string> PickList { get; } = Known.Where(c => c.Offered).Select(c => c.Name).ToList();

    /// <summary>
    /// The channel of <paramref name="origin"/>, lowercased; false for <c>chat</c>, <c>email</c>, null
    /// and anything that is not exactly four non-empty <c>:</c>-parts starting with <c>urn</c>.
    /// </summary>
    public static bool TryGetChannel(string? origin, out string channel)
    {
        channel = "";
        if (origin is null || !origin.StartsWith(UrnPrefix, StringComparison.OrdinalIgnoreCase))
            return false;

        var parts = origin.Split(':');
        if (parts.Length != 4 || parts.Any(p => p.Trim().Length == 0))
            return false;

        var name = parts[2].Trim().ToLowerInvariant();
        // A channel name becomes a segment, so it must be a plain name (the settings validator's alphabet).
        if (!name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            return false;
        channel = name;
        return true;
    }

    /// <summary>A friendly name for the portal: the known one, else the raw channel name.</summary>
    public static string DisplayName(string channel) =>
        channel == Other ? "Other channels" : KnownNames.GetValueOrDefault(channel, channel);
}

namespace RichContact.Web.Components.Settings;

/// <summary>
/// The messaging channels offered in the pick list, by their origin name (<c>urn:crisp.im:whatsapp:0</c>
/// → <c>whatsapp</c>, see crisp-api.md §5) with a display name. Other names seen in a website's
/// activity are offered too.
/// </summary>
public static class KnownChannels
{
    public static readonly IReadOnlyList<(string Name, string Display)> All =
    [
        ("whatsapp", "WhatsApp"),
        ("instagram", "Instagram"),
        ("messenger", "Messenger"),
        ("telegram", "Telegram"),
        ("line", "LINE"),
        ("x", "X"),
        ("sms", "SMS"),
        ("viber", "Viber"),
        ("aircall", "Aircall"),
    ];

    public static string DisplayName(string name) =>
        All.FirstOrDefault(c => c.Name == name).Display ?? name;

    /// <summary>The known channels, then the other names seen or already chosen, each once.</summary>
    public static IReadOnlyList<string> Offered(IEnumerable<string> seen, IEnumerable<string> chosen) =>
        All.Select(c => c.Name)
            .Concat(seen.Concat(chosen).Where(n => !string.IsNullOrWhiteSpace(n)).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

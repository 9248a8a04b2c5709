using System.Text.RegularExpressions;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Which conversation names are worth putting on a contact. Channels fill the name with the phone
/// number or a generic "Visitor 1234" when they know nothing better; such a name would only hide
/// the real one an agent types later, so it is left out.
/// </summary>
internal static partial class Nickname
{
    // Generic names channels and Crisp give unknown visitors [guess: from peers' screenshots].
    [GeneratedRegex(@"^(visitor|visiteur|visitante|besucher|user|utilisateur|usuario|usuário|guest|unknown|anonymous|customer|client|cliente|contact|new contact|whatsapp user|instagram user)\s*[#\-_]?\s*\d*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericName();

    [GeneratedRegex(@"^[\d\s+()\-./]+$")]
    private static partial Regex PhoneLike();

    private const int MaxLength = 200;

    /// <summary>
    /// The trimmed name without control characters or bidi overrides (they garble or disguise a name
    /// in Crisp's lists), cut at 200 characters without splitting an emoji; null when it is empty,
    /// only a phone number, or a generic visitor name.
    /// </summary>
    public static string? ForContact(string? nickname)
    {
        if (string.IsNullOrWhiteSpace(nickname))
            return null;
        var name = Clean(nickname).Trim();
        if (name.Length == 0 || PhoneLike().IsMatch(name) || GenericName().IsMatch(name))
            return null;
        return Cut(name);
    }

    private static string Clean(string text)
    {
        var clean = new System.Text.StringBuilder(Math.Min(text.Length, MaxLength * 2));
        for (var i = 0; i < text.Length && clean.Length <= MaxLength * 2; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                continue;
            // A lone half of a surrogate pair is not text.
            if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) || char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
                continue;
            clean.Append(c);
        }
        return clean.ToString();
    }

    private static string Cut(string name)
    {
        if (name.Length <= MaxLength)
            return name;
        var end = char.IsLowSurrogate(name[MaxLength]) ? MaxLength - 1 : MaxLength;
        return name[..end].TrimEnd();
    }
}

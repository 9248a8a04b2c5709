using System.Text.RegularExpressions;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Which conversation names are worth putting on a contact. Channels fill the name with the phone
/// number or a generic "Visitor 1234" when they know nothing better; such a name would only hide
/// the real one an agent types later, so it is left out.
/// </summary>
public static partial class Nickname
{
    // Generic names channels and Crisp give unknown visitors [guess: from peers' screenshots].
    [GeneratedRegex(@"^(visitor|visiteur|visitante|besucher|user|utilisateur|usuario|usuário|guest|unknown|anonymous|customer|client|cliente|contact|new contact|whatsapp user|instagram user)\s*[#\-_]?\s*\d*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericName();

    [GeneratedRegex(@"^[\d\s+()\-./]+$")]
    private static partial Regex PhoneLike();

    /// <summary>The trimmed name, or null when it is empty, only a phone number, or a generic visitor name.</summary>
    public static string? ForContact(string? nickname)
    {
        if (string.IsNullOrWhiteSpace(nickname))
            return null;
        var name = nickname.Trim();
        if (PhoneLike().IsMatch(name) || GenericName().IsMatch(name))
            return null;
        return name.Length > 200 ? name[..200] : name;
    }
}

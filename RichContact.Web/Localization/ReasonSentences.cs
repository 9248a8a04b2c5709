using System.Text.RegularExpressions;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;

namespace RichContact.Web.Localization;

/// <summary>
/// Every reason code of the activity log as a sentence, in English and French: the one place that
/// says what a code means to a person. The code itself stays beside the sentence wherever it is
/// shown, since it is what an operator searches for (logs, README, CSV).
/// </summary>
public static partial class ReasonSentences
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        [ReasonCodes.Disabled] = "Rich Contact is turned off on this website",
        [ReasonCodes.ChannelNotMonitored] = "the channel is not monitored on this website",
        [ReasonCodes.NotAChannel] = "the conversation came from the chat box or by email, not from a messaging channel",
        [ReasonCodes.EmailExists] = "the visitor gave a real email, which Crisp makes a contact of by itself",
        [ReasonCodes.NoIdentity] = "the visitor gave neither a valid phone nor an email",
        [ReasonCodes.Excluded] = "the visitor's phone, email or email domain is on this website's exclusion list",
        [ReasonCodes.ConversationRemoved] = "the conversation was deleted in Crisp before its contact was made",
        [ReasonCodes.Conflict] = "Crisp already had a contact with this email when it was being created",
        [ReasonCodes.DedupIncomplete] = "more contacts shared the phone's digits than could be read: this one may be a duplicate",
        [ReasonCodes.EmailTaken] = "another contact already has the real email, so the placeholder stays",
        [ReasonCodes.EmailChanged] = "the contact's email is no longer the placeholder (an agent changed it), so it was left as it is",
        [ReasonCodes.ProfileRemoved] = "the contact was deleted in Crisp",
        [ReasonCodes.PhoneNotSearchable] = "Crisp could not search contacts by phone: a contact typed by hand with this phone could not be seen",
        [ReasonCodes.ContactsLimit] = "Crisp's contacts limit for this website is reached (or the website is suspended): no contact was created",
        [ReasonCodes.BudgetExhausted] = "today's Crisp request budget was spent",
        [ReasonCodes.Unauthorized] = "Crisp refused the plugin token",
        [ReasonCodes.CrispUnreachable] = "Crisp could not be reached",
        [ReasonCodes.InternalError] = "Rich Contact met an unexpected error (see its log)",
    };

    private static readonly Dictionary<string, string> French = new(StringComparer.Ordinal)
    {
        [ReasonCodes.Disabled] = "Rich Contact est désactivé sur ce site",
        [ReasonCodes.ChannelNotMonitored] = "le canal n'est pas surveillé sur ce site",
        [ReasonCodes.NotAChannel] = "la conversation vient du chat ou d'un e-mail, pas d'un canal de messagerie",
        [ReasonCodes.EmailExists] = "le visiteur a donné un vrai e-mail, dont Crisp fait lui-même un contact",
        [ReasonCodes.NoIdentity] = "le visiteur n'a donné ni téléphone valide ni e-mail",
        [ReasonCodes.Excluded] = "le téléphone, l'e-mail ou le domaine de l'e-mail du visiteur figure dans la liste d'exclusion du site",
        [ReasonCodes.ConversationRemoved] = "la conversation a été supprimée dans Crisp avant la création de son contact",
        [ReasonCodes.Conflict] = "Crisp avait déjà un contact avec cet e-mail au moment de le créer",
        [ReasonCodes.DedupIncomplete] = "plus de contacts partageaient les chiffres du téléphone qu'il n'a été possible d'en lire : celui-ci est peut-être un doublon",
        [ReasonCodes.EmailTaken] = "un autre contact a déjà le vrai e-mail : l'e-mail provisoire reste",
        [ReasonCodes.EmailChanged] = "l'e-mail du contact n'est plus l'e-mail provisoire (un agent l'a changé) : il est resté tel quel",
        [ReasonCodes.ProfileRemoved] = "le contact a été supprimé dans Crisp",
        [ReasonCodes.PhoneNotSearchable] = "Crisp ne permettait pas de chercher les contacts par téléphone : un contact saisi à la main avec ce numéro n'a pas pu être vu",
        [ReasonCodes.ContactsLimit] = "la limite de contacts Crisp de ce site est atteinte (ou le site est suspendu) : aucun contact n'a été créé",
        [ReasonCodes.BudgetExhausted] = "le quota de requêtes Crisp du jour était épuisé",
        [ReasonCodes.Unauthorized] = "Crisp a refusé le jeton du plugin",
        [ReasonCodes.CrispUnreachable] = "Crisp était injoignable",
        [ReasonCodes.InternalError] = "Rich Contact a rencontré une erreur inattendue (voir son journal)",
    };

    // On a mend the same code says why the placeholder was kept.
    private const string PhoneNotSearchableOnMend = "the placeholder stays: while Crisp cannot search by phone, it is how this person's next conversation finds the contact";
    private const string PhoneNotSearchableOnMendFrench = "l'e-mail provisoire reste : tant que Crisp ne cherche pas par téléphone, c'est ainsi que la prochaine conversation de cette personne retrouve le contact";

    /// <summary><c>crisp_404_not_subscribed</c>, <c>crisp_429</c>: what Crisp answered when a call failed for good (CrispApiException.ReasonCode).</summary>
    [GeneratedRegex(@"^crisp_(?<status>\d{3})(?:_(?<reason>\w+))?$")]
    private static partial Regex CrispAnswer();

    /// <summary>The sentence for <paramref name="code"/>, or null for a code this version does not know.</summary>
    public static string? For(string code, ActivityOutcome? outcome = null, string culture = "en")
    {
        var french = culture == "fr";
        if (code == ReasonCodes.PhoneNotSearchable && outcome == ActivityOutcome.Mend)
            return french ? PhoneNotSearchableOnMendFrench : PhoneNotSearchableOnMend;
        if ((french ? French : English).TryGetValue(code, out var sentence))
            return sentence;
        if (CrispAnswer().Match(code) is { Success: true } answer)
        {
            var status = answer.Groups["status"].Value;
            var reason = answer.Groups["reason"] is { Success: true } r ? $" {r.Value}" : "";
            return french ? $"Crisp a répondu par une erreur ({status}{reason})" : $"Crisp answered with an error ({status}{reason})";
        }
        return null;
    }

    /// <summary>Every code with a sentence of its own (the <c>crisp_…</c> codes aside).</summary>
    internal static IReadOnlyCollection<string> KnownCodes(string culture) => (culture == "fr" ? French : English).Keys;
}

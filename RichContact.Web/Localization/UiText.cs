namespace RichContact.Web.Localization;

/// <summary>
/// The words of the settings page and the activity views, in English and French: the owner's
/// language (<see cref="ForRequest"/>); anything unknown falls back to English.
/// A plain record instead of .resx: a handful of strings, checked by the compiler.
/// </summary>
public sealed record UiText
{
    public string Culture { get; init; } = "en";
    public string Title { get; init; } = "Rich Contact settings";
    public string Intro { get; init; } = "Creates a Crisp contact for every new conversation that arrives from a messaging channel.";
    public string Enabled { get; init; } = "Enable Rich Contact";
    public string ChannelsLabel { get; init; } = "Channels to monitor";
    public string AllChannels { get; init; } = "All integrations";
    public string OtherChannels { get; init; } = "Other channels";
    public string PickChannels { get; init; } = "Only these channels";
    public string SegmentsLabel { get; init; } = "Auto-assign segments";
    public string AddSegment { get; init; } = "Add a segment";
    public string AddSegmentHelp { get; init; } = "Letters, digits, '-' and '_'; press Enter to add.";
    public string ChannelSegment { get; init; } = "channel";
    public string ChannelSegmentHelp { get; init; } = "The conversation's channel (e.g. whatsapp) is always added as a segment.";
    public string SkipIfEmailExists { get; init; } = "Skip if email exists";
    public string SkipIfEmailExistsHelp { get; init; } = "Leave conversations that already carry a real email to Crisp.";
    public string EnrichGeolocation { get; init; } = "Enrich with geolocation";
    public string EnrichGeolocationHelp { get; init; } = "Copy the conversation's country and city onto the contact.";
    public string MendPlaceholders { get; init; } = "Replace the placeholder with the real email";
    public string MendPlaceholdersHelp { get; init; } = "When a customer gives their email later, put it on the contact Rich Contact made with a placeholder (unless another contact has it). Names, phones and segments are never touched.";
    public string PreviewOnly { get; init; } = "Preview only: show what would be created, create nothing";
    public string PreviewOnlyHelp { get; init; } = "Every conversation is checked as usual (channels, skip rules, the search for an existing contact) and the activity below shows the contacts Rich Contact would have created; none is created in Crisp. Turn it off to start creating: conversations already previewed stay as they are.";
    public string PreviewOnlyNotice { get; init; } = "Preview only is on: Rich Contact creates no contact. \"Would create\" below marks the conversations that would have got one.";
    public string PreviewBadge { get; init; } = "Preview only";
    public string Loading { get; init; } = "Loading the settings";
    public string DefaultCountry { get; init; } = "Default country for numbers without a country code";
    public string DefaultCountryNone { get; init; } = "None";
    public string DefaultCountryHelp { get; init; } = "Reads a number written without its country code (912 345 678) in this country when the conversation carries none. None: such a number is left unread.";
    public string Exclusions { get; init; } = "Never create a contact for";
    public string ExclusionsHelp { get; init; } = "One per line: a phone number or a prefix with its country code (+351 91 000), an email, or @domain.com. Staff, test numbers, spam: their conversations are skipped.";
    public string UnsubscribePlaceholders { get; init; } = "Keep placeholder contacts out of email campaigns";
    public string UnsubscribePlaceholdersHelp { get; init; } = "Unsubscribes each contact made with a placeholder email (…@whatsapp.nomail) from emails, so that campaigns do not bounce on it. One call more per such contact; a real email is never unsubscribed.";
    public string TimelineEvent { get; init; } = "Note on the contact's timeline";
    public string TimelineEventHelp { get; init; } = "Adds \"Created by Rich Contact from a WhatsApp conversation\" to each new contact's timeline. One call more per contact.";
    public string PhonelessContacts { get; init; } = "Contacts for conversations without a phone";
    public string PhonelessContactsHelp { get; init; } = "Instagram, Messenger and other channels often bring a name but no phone or email. On, such a conversation gets a contact with a placeholder email made from the person's id on the channel (user-…@instagram.nomail). Where Crisp gives no such id, the placeholder is the conversation's, and each conversation of the same person gets a contact of its own.";
    public string Save { get; init; } = "Save";
    public string Saved { get; init; } = "Saved. The change applies at once.";
    public string NotSaved { get; init; } = "Not saved: please correct the fields marked in red.";
    public string SaveFailed { get; init; } = "Not saved: the settings could not be stored. Please try again in a moment.";
    public string RecentActivity { get; init; } = "Recent activity";
    public string NoActivity { get; init; } = "No conversation handled yet.";
    public string Last30Days { get; init; } = "last 30 days";
    public string When { get; init; } = "When";
    public string Website { get; init; } = "Website";
    public string Channel { get; init; } = "Channel";
    public string Outcome { get; init; } = "Outcome";
    public string Reason { get; init; } = "Reason";
    public string Elapsed { get; init; } = "Time to contact";
    public string RestCalls { get; init; } = "REST calls";
    public string Conversation { get; init; } = "Conversation";
    public string Contact { get; init; } = "Contact";
    public string Links { get; init; } = "Links into Crisp";
    public string Created { get; init; } = "Created";
    public string Existing { get; init; } = "Existing";
    public string Skipped { get; init; } = "Skipped";
    public string Failed { get; init; } = "Failed";
    public string Mend { get; init; } = "Email mended";
    public string Backfilled { get; init; } = "past conversation";
    public string BackfilledHelp { get; init; } = "Handled after the fact by a backfill run (create contacts for past conversations)";
    public string WouldCreate { get; init; } = "Would create";
    public string WouldCreateHelp { get; init; } = "Preview only: this contact would have been created; nothing was created in Crisp.";
    public string Refused { get; init; } = "This page can only be opened from your Crisp dashboard (Settings → Plugins → Rich Contact).";
    public string ConnectionDialog { get; init; } = "Connection to Rich Contact";
    public string Reconnecting { get; init; } = "Connection to Rich Contact lost. Reconnecting…";
    public string ReconnectingHelp { get; init; } = "The page's controls are off until the connection is back. What you typed stays in the form.";
    public string ReconnectRetrying { get; init; } = "Still no connection. Next attempt in {0} s.";
    public string ReconnectFailed { get; init; } = "Could not reconnect. Check your network, then retry.";
    public string Retry { get; init; } = "Retry";
    public string ReconnectPaused { get; init; } = "The server paused this page.";
    public string Resume { get; init; } = "Resume";
    public string ResumeFailed { get; init; } = "This page could not be resumed: reload it.";
    public string Reloading { get; init; } = "The server restarted: reloading the page…";
    public string DraftRestored { get; init; } = "Restored what you typed before the page reloaded. It is not saved yet.";
    public string Discard { get; init; } = "Discard";

    public static readonly UiText English = new();

    public static readonly UiText French = new()
    {
        Culture = "fr",
        Title = "Réglages de Rich Contact",
        Intro = "Crée un contact Crisp pour chaque nouvelle conversation arrivée par un canal de messagerie.",
        Enabled = "Activer Rich Contact",
        ChannelsLabel = "Canaux surveillés",
        AllChannels = "Toutes les intégrations",
        OtherChannels = "Autres canaux",
        PickChannels = "Seulement ces canaux",
        SegmentsLabel = "Segments ajoutés automatiquement",
        AddSegment = "Ajouter un segment",
        AddSegmentHelp = "Lettres, chiffres, « - » et « _ » ; Entrée pour ajouter.",
        ChannelSegment = "canal",
        ChannelSegmentHelp = "Le canal de la conversation (ex. whatsapp) est toujours ajouté comme segment.",
        SkipIfEmailExists = "Ignorer si un e-mail existe",
        SkipIfEmailExistsHelp = "Laisser à Crisp les conversations qui ont déjà un vrai e-mail.",
        EnrichGeolocation = "Ajouter la géolocalisation",
        EnrichGeolocationHelp = "Copier le pays et la ville de la conversation sur le contact.",
        MendPlaceholders = "Remplacer l'e-mail provisoire par le vrai",
        MendPlaceholdersHelp = "Quand un client donne son e-mail plus tard, le mettre sur le contact que Rich Contact a créé avec un e-mail provisoire (sauf si un autre contact l'a). Noms, téléphones et segments ne sont jamais modifiés.",
        PreviewOnly = "Aperçu seulement : montrer ce qui serait créé, ne rien créer",
        PreviewOnlyHelp = "Chaque conversation est examinée comme d'habitude (canaux, règles d'exclusion, recherche d'un contact existant) et l'activité ci-dessous montre les contacts que Rich Contact aurait créés ; aucun n'est créé dans Crisp. Désactivez-le pour commencer à créer : les conversations déjà prévisualisées restent telles quelles.",
        PreviewOnlyNotice = "L'aperçu est activé : Rich Contact ne crée aucun contact. « Serait créé » ci-dessous signale les conversations qui en auraient eu un.",
        PreviewBadge = "Aperçu seulement",
        Loading = "Chargement des réglages",
        DefaultCountry = "Pays par défaut des numéros sans indicatif",
        DefaultCountryNone = "Aucun",
        DefaultCountryHelp = "Lit dans ce pays un numéro écrit sans indicatif (912 345 678) quand la conversation n'indique pas de pays. Aucun : un tel numéro n'est pas lu.",
        Exclusions = "Ne jamais créer de contact pour",
        ExclusionsHelp = "Un par ligne : un numéro ou un préfixe avec son indicatif (+351 91 000), un e-mail, ou @domaine.com. Équipe, numéros de test, spam : leurs conversations sont ignorées.",
        UnsubscribePlaceholders = "Exclure les contacts provisoires des campagnes e-mail",
        UnsubscribePlaceholdersHelp = "Désabonne des e-mails chaque contact créé avec un e-mail provisoire (…@whatsapp.nomail), pour que les campagnes ne rebondissent pas dessus. Un appel de plus par contact de ce type ; un vrai e-mail n'est jamais désabonné.",
        TimelineEvent = "Note dans l'historique du contact",
        TimelineEventHelp = "Ajoute « Créé par Rich Contact depuis une conversation WhatsApp » à l'historique de chaque nouveau contact. Un appel de plus par contact.",
        PhonelessContacts = "Contacts pour les conversations sans téléphone",
        PhonelessContactsHelp = "Instagram, Messenger et d'autres canaux apportent souvent un nom mais ni téléphone ni e-mail. Activé, une telle conversation reçoit un contact avec un e-mail provisoire tiré de l'identifiant de la personne sur le canal (user-…@instagram.nomail). Là où Crisp ne donne pas cet identifiant, l'e-mail provisoire est celui de la conversation, et chaque conversation d'une même personne reçoit son propre contact.",
        Save = "Enregistrer",
        Saved = "Enregistré. Le changement s'applique immédiatement.",
        NotSaved = "Non enregistré : corrigez les champs en rouge.",
        SaveFailed = "Non enregistré : les réglages n'ont pas pu être stockés. Réessayez dans un instant.",
        RecentActivity = "Activité récente",
        NoActivity = "Aucune conversation traitée pour l'instant.",
        Last30Days = "30 derniers jours",
        When = "Quand",
        Website = "Site",
        Channel = "Canal",
        Outcome = "Résultat",
        Reason = "Raison",
        Elapsed = "Délai",
        RestCalls = "Appels REST",
        Conversation = "Conversation",
        Contact = "Contact",
        Links = "Liens vers Crisp",
        Created = "Créé",
        Existing = "Existant",
        Skipped = "Ignoré",
        Failed = "Échec",
        Mend = "E-mail corrigé",
        Backfilled = "conversation passée",
        BackfilledHelp = "Traitée après coup par un rattrapage (créer les contacts des conversations passées)",
        WouldCreate = "Serait créé",
        WouldCreateHelp = "Aperçu seulement : ce contact aurait été créé ; rien n'a été créé dans Crisp.",
        Refused = "Cette page s'ouvre uniquement depuis votre tableau de bord Crisp (Réglages → Plugins → Rich Contact).",
        ConnectionDialog = "Connexion à Rich Contact",
        Reconnecting = "Connexion à Rich Contact perdue. Reconnexion…",
        ReconnectingHelp = "Les commandes de la page sont désactivées jusqu'au retour de la connexion. Ce que vous avez saisi reste dans le formulaire.",
        ReconnectRetrying = "Toujours pas de connexion. Nouvel essai dans {0} s.",
        ReconnectFailed = "Reconnexion impossible. Vérifiez votre réseau, puis réessayez.",
        Retry = "Réessayer",
        ReconnectPaused = "Le serveur a mis cette page en pause.",
        Resume = "Reprendre",
        ResumeFailed = "Cette page n'a pas pu reprendre : rechargez-la.",
        Reloading = "Le serveur a redémarré : rechargement de la page…",
        DraftRestored = "Ce que vous aviez saisi avant le rechargement de la page est rétabli. Il n'est pas encore enregistré.",
        Discard = "Abandonner",
    };

    /// <summary>The text for a Crisp locale such as <c>fr</c>, <c>fr-FR</c> or <c>fr_FR</c>; English otherwise.</summary>
    public static UiText For(string? locale) =>
        locale is not null && locale.Trim().StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    /// <summary>
    /// The settings page's language: the <c>locale</c> Crisp may put in the iframe's URL when there is
    /// one (Crisp does not document it, so it is never required), else the first language of the
    /// owner's browser (<c>Accept-Language</c>, what <c>navigator.languages</c> says) that the page
    /// speaks; English otherwise.
    /// </summary>
    public static UiText ForRequest(HttpRequest request)
    {
        if (request.Query["locale"].ToString() is { Length: > 0 } locale)
            return For(locale);
        var languages = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in languages)
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase))
                return French;
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                return English;
        }
        return English;
    }

    /// <summary>A settings field's problem in this language.</summary>
    public string Describe(RichContact.Engine.Settings.SettingsError error)
    {
        if (Culture != "fr")
            return error.Message;
        var (kind, kinds) = error.Kind switch
        {
            "segment" => ("segment", "segments"),
            "channel" => ("canal", "canaux"),
            "website id" => ("identifiant de site", "identifiants de site"),
            "exclusion" => ("exclusion", "exclusions"),
            _ => (error.Kind, error.Kind),
        };
        return error.Problem switch
        {
            RichContact.Engine.Settings.SettingsProblem.Required => $"Un {kind} est obligatoire.",
            RichContact.Engine.Settings.SettingsProblem.TooMany => $"Au plus {error.Limit} {kinds} ({error.Count} donnés).",
            RichContact.Engine.Settings.SettingsProblem.Empty => $"Un nom de {kind} ne peut pas être vide.",
            RichContact.Engine.Settings.SettingsProblem.TooLong => $"Le {kind} « {error.Name} » dépasse {error.Limit} caractères.",
            RichContact.Engine.Settings.SettingsProblem.UnknownCountry => $"« {error.Name} » n'est pas un code de pays connu de Rich Contact.",
            RichContact.Engine.Settings.SettingsProblem.NotAnExclusion => $"Ligne {error.Count}, « {error.Name} » : ni un numéro de téléphone (ou un préfixe commençant par + et l'indicatif), ni un e-mail, ni un @domaine.",
            RichContact.Engine.Settings.SettingsProblem.BadCharacters => $"Le {kind} « {error.Name} » ne peut contenir que des lettres, des chiffres, « - » et « _ ».",
            _ => $"Le {kind} « {error.Name} » figure deux fois.",
        };
    }

    public string OutcomeName(RichContact.Engine.Activity.ActivityOutcome outcome) => outcome switch
    {
        RichContact.Engine.Activity.ActivityOutcome.Created => Created,
        RichContact.Engine.Activity.ActivityOutcome.Existing => Existing,
        RichContact.Engine.Activity.ActivityOutcome.Skipped => Skipped,
        RichContact.Engine.Activity.ActivityOutcome.Mend => Mend,
        RichContact.Engine.Activity.ActivityOutcome.WouldCreate => WouldCreate,
        _ => Failed,
    };
}

using RichContact.Engine.Channels;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The rules of a conversation's contact, apart from every Crisp call: each step takes what is known
/// by then and says what became of the conversation, or null when the next step must look further.
/// <see cref="CreateContactRun"/> gathers what they need (settings, visitor details, the CRM search)
/// and makes the calls they lead to.
/// </summary>
internal static class ContactDecision
{
    /// <summary>
    /// Why the website's settings rule the conversation out (<see cref="ReasonCodes.Disabled"/>,
    /// <see cref="ReasonCodes.ChannelNotMonitored"/>), or null. An unknown channel (null) is only
    /// checked against the master switch. The tracker applies it as soon as the first message
    /// arrives, the job again when it runs: settings take effect at once.
    /// </summary>
    public static string? SkipReason(WebsiteSettings settings, string? channel) =>
        !settings.Enabled ? ReasonCodes.Disabled
        : channel is not null && !settings.Monitors(channel) ? ReasonCodes.ChannelNotMonitored
        : null;

    /// <summary>Before the visitor's details are read: the settings, and whether Crisp said the conversation was deleted.</summary>
    public static ContactOutcome? BeforeDetails(WebsiteSettings settings, string? channel, bool removed) =>
        SkipReason(settings, channel) is { } skip ? ContactOutcome.Skipped(skip)
        : removed ? ContactOutcome.Skipped(ReasonCodes.ConversationRemoved)
        : null;

    /// <summary>
    /// With the visitor's details: the conversation's channel (the tracker's, else the details' origin)
    /// and who the visitor is; a skip when the channel is not a monitored messaging channel, when the
    /// visitor is on the website's exclusion list, brought a real email and the website leaves those to Crisp, or when nothing identifies them.
    /// A visitor who brought neither a phone nor an email is identified by the channel's placeholder when the
    /// website gives such conversations a contact (<see cref="WebsiteSettings.PhonelessContacts"/>).
    /// </summary>
    public static ContactOutcome? WithDetails(WebsiteSettings settings, string? channel, VisitorDetails details, string sessionId,
        out string? resolvedChannel, out ContactIdentity? identity)
    {
        identity = null;
        resolvedChannel = channel;
        if (channel is null)
        {
            if (!ChannelOrigin.TryGetChannel(details.Origin, out var fromOrigin))
                return ContactOutcome.Skipped(ReasonCodes.NotAChannel);
            resolvedChannel = fromOrigin;
        }
        if (SkipReason(settings, resolvedChannel) is { } notMonitored)
            return ContactOutcome.Skipped(notMonitored);

        // A number written without its country code is read in the conversation's country, else the website's default.
        identity = ContactIdentity.From(details.Email, details.Phone, details.Country ?? settings.DefaultCountry);
        if (identity is not null && Exclusions.Excludes(settings.Exclusions, identity))
            return ContactOutcome.Skipped(ReasonCodes.Excluded);
        if (identity?.Email is not null && settings.SkipIfEmailExists)
            return ContactOutcome.Skipped(ReasonCodes.EmailExists);
        // Only when the conversation brought no phone at all: a number that cannot be read is still no_identity,
        // or a WhatsApp customer would get a contact per conversation.
        if (identity is null && settings.PhonelessContacts && string.IsNullOrWhiteSpace(details.Phone))
            identity = ContactIdentity.Phoneless(PhonelessPlaceholder.For(resolvedChannel!, details.ChannelUserId, sessionId));
        return identity is null ? ContactOutcome.Skipped(ReasonCodes.NoIdentity) : null;
    }

    /// <summary>
    /// Once the CRM was searched: the contact this process made for the person lately (which Crisp's
    /// search may not show yet), else the search's match, is theirs. With neither, a website in preview
    /// would create one (the search's caveat kept: it would hold for the real contact too); otherwise
    /// null: create it.
    /// </summary>
    public static ContactOutcome? AfterSearch(string? recentPeopleId, ProfileSearchResult found, bool previewOnly) =>
        recentPeopleId is not null ? ContactOutcome.Existing(recentPeopleId)
        : found.Match is { } existing ? ContactOutcome.Existing(existing.PeopleId)
        : previewOnly ? ContactOutcome.WouldCreate(found.Unseen)
        : null;

    /// <summary>
    /// The profile to create: the real email or the channel's placeholder, the name worth keeping, the
    /// phone, the country and city when the website enriches contacts with them, and the channel as a
    /// segment before the website's own.
    /// </summary>
    public static NewPeopleProfile NewProfile(ContactIdentity identity, VisitorDetails details, string channel, WebsiteSettings settings)
    {
        var geolocation = settings.EnrichGeolocation && (details.Country is not null || details.City is not null)
            ? new NewGeolocation(details.Country, details.City)
            : null;
        var segments = new[] { channel }.Concat(settings.Segments).Distinct(StringComparer.Ordinal).ToList();
        return new NewPeopleProfile(identity.ProfileEmail(channel), new NewPerson(Nickname.ForContact(details.Nickname), identity.Phone, geolocation), segments);
    }
}

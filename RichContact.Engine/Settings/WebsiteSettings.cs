using RichContact.Engine.Channels;

namespace RichContact.Engine.Settings;

/// <summary>
/// What Rich Contact does for one Crisp website. A website that never saved gets <see cref="DefaultsFor"/>:
/// the plugin works out of the box.
/// </summary>
public sealed record WebsiteSettings
{
    public required string WebsiteId { get; init; }

    /// <summary>Master switch. Off: no contact is created; contacts already created stay.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>"All integrations": every messaging channel, including ones we have never seen.</summary>
    public bool AllChannels { get; init; } = true;

    /// <summary>Channel names monitored when <see cref="AllChannels"/> is off (e.g. <c>whatsapp</c>).</summary>
    public string[] Channels { get; init; } = [];

    /// <summary>Segments added to every contact, besides the channel's own segment.</summary>
    public string[] Segments { get; init; } = [];

    /// <summary>Leave conversations that already carry a real email to Crisp.</summary>
    public bool SkipIfEmailExists { get; init; } = true;

    /// <summary>Copy the conversation's country and city onto the contact.</summary>
    public bool EnrichGeolocation { get; init; }

    /// <summary>
    /// When a real email reaches a conversation whose contact got a placeholder, put it on the
    /// contact (unless another contact has it); nothing else of the contact is touched.
    /// </summary>
    public bool MendPlaceholders { get; init; } = true;

    /// <summary>
    /// Dry run: every step but the create (settings, skip rules, the dedup search), and the activity
    /// log says <see cref="Activity.ActivityOutcome.WouldCreate"/> where a contact would have been made,
    /// so a workspace can watch the plugin on real traffic before it touches the CRM.
    /// </summary>
    public bool PreviewOnly { get; init; }

    /// <summary>
    /// The country (ISO 3166 alpha-2, e.g. <c>PT</c>) a phone written without its country code is read
    /// in when the conversation carries no country; null: such a number is read only as today.
    /// </summary>
    public string? DefaultCountry { get; init; }

    /// <summary>
    /// Phones or phone prefixes (E.164 digits with their <c>+</c>), emails and <c>@domains</c> that never
    /// get a contact (<see cref="Contacts.Exclusions"/>): the owner's configuration, shown only on the settings page.
    /// </summary>
    public string[] Exclusions { get; init; } = [];

    /// <summary>
    /// Unsubscribe a contact made with a placeholder email from email campaigns right after its
    /// create: a campaign to <c>…@whatsapp.nomail</c> bounces, and bounces hurt the workspace's sender reputation.
    /// </summary>
    public bool UnsubscribePlaceholders { get; init; } = true;

    /// <summary>Add "Created by Rich Contact from a … conversation" to each new contact's timeline (one call more per contact).</summary>
    public bool TimelineEvent { get; init; }

    /// <summary>
    /// Give a contact to a channel conversation with neither a phone nor an email (Instagram, Messenger...):
    /// a placeholder made from the id Crisp gives the person on the channel, else from the conversation
    /// (<see cref="Contacts.PhonelessPlaceholder"/>). Off by default: without a stable id each of the
    /// person's conversations gets a contact of its own.
    /// </summary>
    public bool PhonelessContacts { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public static WebsiteSettings DefaultsFor(string websiteId) => new() { WebsiteId = websiteId };

    public bool Monitors(string channel) =>
        Enabled && (AllChannels || Channels.Contains(channel, StringComparer.Ordinal)
            // "Other channels", as the settings page offers the channels it has no name for.
            || (Channels.Contains(ChannelOrigin.Other, StringComparer.Ordinal) && ChannelOrigin.Label(channel) == ChannelOrigin.Other));
}

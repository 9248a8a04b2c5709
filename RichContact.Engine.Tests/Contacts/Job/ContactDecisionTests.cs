using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Tests.Contacts.Job;

public class ContactDecisionTests
{
    private static readonly WebsiteSettings Defaults = WebsiteSettings.DefaultsFor("w1");
    private const string Session = "session_1";
    private static readonly VisitorDetails WhatsAppVisitor = new()
    {
        Origin = "urn:crisp.im:whatsapp:0", Nickname = "Ana Silva", Phone = "+351 912 345 678", Country = "PT", City = "Lisbon",
    };

    [Fact]
    public void Disabled_website_skips_before_anything_is_read()
    {
        var outcome = ContactDecision.BeforeDetails(Defaults with { Enabled = false }, "whatsapp", removed: false);

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.Disabled), outcome);
    }

    [Fact]
    public void Conversation_crisp_deleted_is_skipped_as_removed()
    {
        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.ConversationRemoved), ContactDecision.BeforeDetails(Defaults, "whatsapp", removed: true));
        Assert.Null(ContactDecision.BeforeDetails(Defaults, "whatsapp", removed: false));
    }

    [Fact]
    public void Channel_unknown_to_the_tracker_comes_from_the_visitors_origin()
    {
        var outcome = ContactDecision.WithDetails(Defaults, channel: null, WhatsAppVisitor, Session, out var channel, out var identity);

        Assert.Null(outcome);
        Assert.Equal("whatsapp", channel);
        Assert.Equal("+351912345678", identity!.Phone);
    }

    [Fact]
    public void Chat_origin_is_not_a_channel()
    {
        var outcome = ContactDecision.WithDetails(Defaults, channel: null, WhatsAppVisitor with { Origin = "chat" }, Session, out _, out _);

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.NotAChannel), outcome);
    }

    [Fact]
    public void Channel_the_website_does_not_monitor_is_skipped_once_known()
    {
        var instagramOnly = Defaults with { AllChannels = false, Channels = ["instagram"] };

        var outcome = ContactDecision.WithDetails(instagramOnly, channel: null, WhatsAppVisitor, Session, out var channel, out _);

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.ChannelNotMonitored), outcome);
        Assert.Equal("whatsapp", channel);
    }

    [Fact]
    public void Real_email_is_left_to_crisp_unless_the_website_asks_otherwise()
    {
        var withEmail = WhatsAppVisitor with { Email = "ana@example.com" };

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.EmailExists), ContactDecision.WithDetails(Defaults, "whatsapp", withEmail, Session, out _, out _));
        Assert.Null(ContactDecision.WithDetails(Defaults with { SkipIfEmailExists = false }, "whatsapp", withEmail, Session, out _, out var identity));
        Assert.Equal("ana@example.com", identity!.Email);
    }

    [Fact]
    public void Visitor_without_phone_or_email_is_skipped_for_no_identity()
    {
        var outcome = ContactDecision.WithDetails(Defaults, "whatsapp", WhatsAppVisitor with { Phone = "12" }, Session, out _, out _);

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.NoIdentity), outcome);
    }

    [Fact]
    public void Contact_made_lately_by_this_process_wins_over_the_search()
    {
        var found = new ProfileSearchResult(new PeopleProfile("p-search", null, null), null);

        Assert.Equal(ContactOutcome.Existing("p-recent"), ContactDecision.AfterSearch("p-recent", found, previewOnly: false));
        Assert.Equal(ContactOutcome.Existing("p-search"), ContactDecision.AfterSearch(null, found, previewOnly: false));
    }

    [Fact]
    public void No_match_creates_or_in_preview_would_create_keeping_the_search_caveat()
    {
        var nothing = new ProfileSearchResult(null, ReasonCodes.PhoneNotSearchable);

        Assert.Null(ContactDecision.AfterSearch(null, nothing, previewOnly: false));
        var preview = ContactDecision.AfterSearch(null, nothing, previewOnly: true);
        Assert.Equal(ActivityOutcome.WouldCreate, preview!.Kind);
        Assert.Equal(ReasonCodes.PhoneNotSearchable, preview.Reason);
    }

    [Fact]
    public void New_profile_gets_the_placeholder_the_channel_segment_first_and_geolocation_only_when_enriched()
    {
        var settings = Defaults with { Segments = ["vip", "whatsapp"] };
        ContactDecision.WithDetails(settings, "whatsapp", WhatsAppVisitor, Session, out _, out var identity);

        var plain = ContactDecision.NewProfile(identity!, WhatsAppVisitor, "whatsapp", settings);
        var enriched = ContactDecision.NewProfile(identity!, WhatsAppVisitor, "whatsapp", settings with { EnrichGeolocation = true });

        Assert.Equal("351912345678@whatsapp.nomail", plain.Email);
        Assert.Equal(["whatsapp", "vip"], plain.Segments);
        Assert.Null(plain.Person.Geolocation);
        Assert.Equal(new NewGeolocation("PT", "Lisbon"), enriched.Person.Geolocation);
    }
}

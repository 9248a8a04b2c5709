using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Tests.Contacts.Dedup;

public class PhonelessPlaceholderTests
{
    private const string Session = "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881";

    [Fact]
    public void Stable_channel_user_id_makes_the_placeholder()
    {
        Assert.Equal("user-17841400123456789@instagram.nomail", PhonelessPlaceholder.For("instagram", "17841400123456789", Session));
        Assert.Equal(PhonelessPlaceholder.For("instagram", "17841400123456789", Session),
            PhonelessPlaceholder.For("instagram", "17841400123456789", "session_other"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(Session)]
    [InlineData("session_5d2b0a3e-0000-4000-8000-000000000000")] // another conversation's id: per conversation all the same
    public void Without_a_stable_id_the_conversation_makes_the_placeholder(string? userId)
    {
        Assert.Equal("session-700c65e1-85e2-465a-b9ac-ecb5ec2c9881@messenger.nomail", PhonelessPlaceholder.For("messenger", userId, Session));
    }

    [Theory]
    [InlineData("Ab12")]                      // upper case: folding it could join two people
    [InlineData("a.b@c")]                     // not for an email's local part
    [InlineData("x123456789012345678901234567890123456789012345678901")] // longer than 48
    public void An_id_that_cannot_sit_in_an_email_is_digested_the_same_way_each_time(string userId)
    {
        var placeholder = PhonelessPlaceholder.For("instagram", userId, Session);

        Assert.Matches("^user-h[0-9a-f]{32}@instagram\\.nomail$", placeholder);
        Assert.Equal(placeholder, PhonelessPlaceholder.For("instagram", userId, "session_other"));
        Assert.NotEqual(placeholder, PhonelessPlaceholder.For("instagram", userId.ToLowerInvariant() + "x", Session));
        Assert.NotNull(ContactIdentity.NormaliseEmail(placeholder));
    }

    [Fact]
    public void Decision_gives_a_phoneless_visitor_the_placeholder_only_when_the_website_opts_in()
    {
        var visitor = new VisitorDetails { Origin = "urn:crisp.im:instagram:0", Nickname = "Ana", ChannelUserId = "178414" };
        var off = WebsiteSettings.DefaultsFor("w1");

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.NoIdentity), ContactDecision.WithDetails(off, null, visitor, Session, out _, out _));
        Assert.Null(ContactDecision.WithDetails(off with { PhonelessContacts = true }, null, visitor, Session, out var channel, out var identity));
        Assert.Equal("instagram", channel);
        Assert.Equal(("user-178414@instagram.nomail", null, null), (identity!.ProfileEmail(channel!), identity.Email, identity.Phone));
        Assert.Equal("email:user-178414@instagram.nomail", identity.LockKey);
    }

    [Fact]
    public void A_phone_that_cannot_be_read_is_still_no_identity_with_the_setting_on()
    {
        var visitor = new VisitorDetails { Origin = "urn:crisp.im:whatsapp:0", Nickname = "Ana", Phone = "12", ChannelUserId = "178414" };
        var on = WebsiteSettings.DefaultsFor("w1") with { PhonelessContacts = true };

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.NoIdentity), ContactDecision.WithDetails(on, null, visitor, Session, out _, out _));
    }
}

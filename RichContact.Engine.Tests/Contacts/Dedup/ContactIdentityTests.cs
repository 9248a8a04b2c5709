using RichContact.Engine.Contacts;

namespace RichContact.Engine.Tests.Contacts.Dedup;

public class ContactIdentityTests
{
    [Fact]
    public void Placeholder_email_is_the_E164_digits_at_the_channel_nomail()
    {
        var identity = ContactIdentity.From(null, "+351 912 345 678", null)!;
        Assert.Equal("351912345678@whatsapp.nomail", identity.ProfileEmail("whatsapp"));
    }

    [Fact]
    public void Real_email_is_kept_lowercased_as_profile_email()
    {
        var identity = ContactIdentity.From(" Ana@Example.COM ", "+351912345678", null)!;
        Assert.Equal("ana@example.com", identity.ProfileEmail("whatsapp"));
    }

    [Fact]
    public void Conversation_with_neither_phone_nor_email_has_no_identity()
    {
        Assert.Null(ContactIdentity.From(null, null, "PT"));
        Assert.Null(ContactIdentity.From("not an email", "abc", "PT"));
    }

    [Fact]
    public void Placeholder_email_is_not_a_real_email()
    {
        var identity = ContactIdentity.From("351912345678@instagram.nomail", null, null);
        Assert.Null(identity);
        Assert.Equal("+351912345678", ContactIdentity.PhoneOfPlaceholder("351912345678@instagram.nomail"));
        Assert.Null(ContactIdentity.PhoneOfPlaceholder("ana@example.com"));
    }

    [Fact]
    public void Same_person_on_two_channels_shares_one_lock_key_even_with_a_national_variant()
    {
        var whatsapp = ContactIdentity.From(null, "+5511987654321", null)!;
        var instagram = ContactIdentity.From("ana@example.com", "+551187654321", null)!;
        Assert.Equal(whatsapp.LockKey, instagram.LockKey);
    }
}

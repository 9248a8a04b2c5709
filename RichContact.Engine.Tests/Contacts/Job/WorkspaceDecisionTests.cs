using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Tests.Contacts.Job;

/// <summary>The decision under a website's default country and exclusion list.</summary>
public class WorkspaceDecisionTests
{
    private static readonly WebsiteSettings Defaults = WebsiteSettings.DefaultsFor("w1");
    private const string Session = "session_1";
    private static VisitorDetails Visitor(string? phone, string? country = null, string? email = null) =>
        new() { Origin = "urn:crisp.im:whatsapp:0", Nickname = "Ana", Phone = phone, Country = country, Email = email };

    [Fact]
    public void National_number_without_a_country_is_read_in_the_websites_default_country()
    {
        var outcome = ContactDecision.WithDetails(Defaults with { DefaultCountry = "PT" }, "whatsapp", Visitor("912 345 678"), Session, out _, out var identity);

        Assert.Null(outcome);
        Assert.Equal("+351912345678", identity!.Phone);
    }

    [Fact]
    public void National_number_without_any_country_stays_unread()
    {
        var outcome = ContactDecision.WithDetails(Defaults, "whatsapp", Visitor("912 345 678"), Session, out _, out _);

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.NoIdentity), outcome);
    }

    [Fact]
    public void Conversations_own_country_wins_over_the_default()
    {
        ContactDecision.WithDetails(Defaults with { DefaultCountry = "PT" }, "whatsapp", Visitor("612 345 678", country: "ES"), Session, out _, out var identity);

        Assert.Equal("+34612345678", identity!.Phone);
    }

    [Fact]
    public void Excluded_visitor_is_skipped_as_excluded_even_with_a_real_email()
    {
        var settings = Defaults with { Exclusions = ["+35191000", "@ourcompany.com"] };

        var byPhone = ContactDecision.WithDetails(settings, "whatsapp", Visitor("+351 910 001 234"), Session, out _, out _);
        var byDomain = ContactDecision.WithDetails(settings, "whatsapp", Visitor("+351 912 345 678", email: "Staff@OurCompany.com"), Session, out _, out _);
        var other = ContactDecision.WithDetails(settings, "whatsapp", Visitor("+351 912 345 678"), Session, out _, out _);

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.Excluded), byPhone);
        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.Excluded), byDomain);
        Assert.Null(other);
    }

    [Fact]
    public void National_number_is_excluded_once_read_in_the_default_country()
    {
        var settings = Defaults with { DefaultCountry = "PT", Exclusions = ["+35191000"] };

        Assert.Equal(ContactOutcome.Skipped(ReasonCodes.Excluded), ContactDecision.WithDetails(settings, "whatsapp", Visitor("910 001 234"), Session, out _, out _));
    }
}

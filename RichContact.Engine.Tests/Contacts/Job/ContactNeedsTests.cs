using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Tests.Contacts.Job;

public class ContactNeedsTests
{
    [Theory]
    [InlineData("+351912345678", null, "Ana", null, false, true)]
    [InlineData("912345678", null, "Ana", "PT", false, true)]
    [InlineData("912345678", null, "Ana", null, false, false)]     // the job would read the meta for the country
    [InlineData(null, "ana@example.com", "Ana", null, false, true)]
    [InlineData("+351912345678", null, null, null, false, false)]  // no name yet
    [InlineData("+351912345678", null, "Visitor 1234", null, false, false)]
    [InlineData("+351912345678", null, "Ana", null, true, false)]  // geolocation wanted, none yet
    [InlineData("+351912345678", null, "Ana", "PT", true, true)]
    [InlineData("12", null, "Ana", null, false, false)]            // no identity
    public void Window_closes_early_only_when_the_details_hold_everything(string? phone, string? email, string? nickname, string? country,
        bool enrichGeolocation, bool closes) =>
        Assert.Equal(closes, ContactNeeds.HasEverything(
            new VisitorDetails { Phone = phone, Email = email, Nickname = nickname, Country = country }, enrichGeolocation));

    [Theory]
    [InlineData("+351912345678", null, null, null, "whatsapp", false, false)] // a name missing alone costs no call
    [InlineData("+351912345678", null, "Ana", null, null, false, true)]       // the channel not known yet
    [InlineData(null, null, "Ana", null, "whatsapp", false, true)]            // no email or phone in memory
    [InlineData("912345678", null, "Ana", null, "whatsapp", false, true)]     // a national phone without its country
    [InlineData("912345678", null, "Ana", "PT", "whatsapp", false, false)]
    [InlineData(null, "ana@example.com", "Ana", null, "whatsapp", true, true)] // geolocation wanted, none in memory
    [InlineData(null, "ana@example.com", "Ana", "PT", "whatsapp", true, false)]
    public void Job_reads_the_conversation_meta_only_for_what_memory_lacks(string? phone, string? email, string? nickname, string? country,
        string? channel, bool enrichGeolocation, bool reads) =>
        Assert.Equal(reads, ContactNeeds.NeedsConversationMeta(
            new VisitorDetails { Phone = phone, Email = email, Nickname = nickname, Country = country }, channel, enrichGeolocation));
}

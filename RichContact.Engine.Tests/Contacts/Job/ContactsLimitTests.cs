using System.Net;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Tests.Contacts.Job;

public sealed class ContactsLimitTests
{
    [Theory]
    [InlineData(402, "plan_limit_reached")]
    [InlineData(402, "subscription_upgrade_required")]
    [InlineData(403, "contacts_limit")]
    [InlineData(403, "quota_exceeded")]
    [InlineData(403, null)]
    [InlineData(423, "website_suspended")]
    [InlineData(400, "people_limit_exceeded")]
    [InlineData(404, "people_quota_reached")]
    public void A_refusal_of_the_website_rather_than_of_the_contact_is_a_limit(int status, string? reason) =>
        Assert.True(ContactsLimit.IsLimitRefusal(new CrispApiException("people.create", (HttpStatusCode)status, reason)));

    [Theory]
    [InlineData(400, "invalid_data")]
    [InlineData(409, "people_exists")]
    [InlineData(401, "unauthorized")]
    [InlineData(404, "not_found")]
    [InlineData(429, "quota_exceeded")] // the plugin's daily request quota, not the plan's contacts
    [InlineData(420, null)]
    [InlineData(500, "limit")]
    [InlineData(503, null)]
    public void Invalid_data_an_existing_email_a_bad_token_and_what_may_pass_are_not_a_limit(int status, string? reason) =>
        Assert.False(ContactsLimit.IsLimitRefusal(new CrispApiException("people.create", (HttpStatusCode)status, reason)));
}

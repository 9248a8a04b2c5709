using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Tests.Contacts.Dedup;

public class ExistingProfileSearchTests
{
    private static readonly ContactIdentity Brazilian = new(null, "+5511987654321");

    [Theory]
    [InlineData(null, "(11) 98765-4321")]
    [InlineData(null, "+55 11 8765-4321")]
    [InlineData("5511987654321@messenger.nomail", null)]
    [InlineData("551187654321@sms.nomail", null)]
    public void Same_phone_in_any_form_is_the_same_person(string? email, string? phone) =>
        Assert.True(ExistingProfileSearch.IsSamePerson(new PeopleProfile("p", email, phone), Brazilian));

    [Theory]
    [InlineData("ana@example.com", "+55 11 99999-4321")]
    [InlineData("5511999994321@whatsapp.nomail", null)]
    [InlineData(null, "not a phone 4321")]
    public void Same_last_digits_alone_are_not_the_same_person(string? email, string? phone) =>
        Assert.False(ExistingProfileSearch.IsSamePerson(new PeopleProfile("p", email, phone), Brazilian));

    [Fact]
    public void Email_filters_ask_for_the_real_email_and_every_placeholder_of_each_variant()
    {
        var filters = ExistingProfileSearch.EmailFilters(new ContactIdentity("ana@example.com", "+5511987654321"));

        Assert.Equal(
            [("email", "eq", "ana@example.com"), ("email", "has", "551187654321@"), ("email", "has", "5511987654321@")],
            filters.Select(f => (f.Criterion, f.Operator, Assert.Single(f.Query))));
    }

    [Theory]
    [InlineData("person.phone", "4321", "+55 (11) 98765-4321")]
    [InlineData("person.phone", "43 21", "06 12 34 43 21")]
    [InlineData("person.phone", "4321", "06 12 34 43 21")]      // a Crisp that compares digits only
    [InlineData("email", "5511987654321@", "5511987654321@whatsapp.nomail")]
    public void A_candidate_Crisp_could_have_matched_is_not_a_sign_of_an_ignored_filter(string criterion, string query, string stored)
    {
        var candidate = criterion == "email" ? new PeopleProfile("p", stored, null) : new PeopleProfile("p", "x@example.com", stored);
        Assert.True(ExistingProfileSearch.CouldMatch(candidate, new PeopleFilter(criterion, "has", [query])));
    }

    [Theory]
    [InlineData("person.phone", "4321", "+351 913 334 000")]
    [InlineData("person.phone", "4321", null)]
    [InlineData("email", "5511987654321@", "rita@example.net")]
    public void A_candidate_that_fits_no_reading_of_the_filter_shows_it_was_ignored(string criterion, string query, string? stored)
    {
        var candidate = criterion == "email" ? new PeopleProfile("p", stored, null) : new PeopleProfile("p", "x@example.com", stored);
        Assert.False(ExistingProfileSearch.CouldMatch(candidate, new PeopleFilter(criterion, "has", [query])));
    }
}

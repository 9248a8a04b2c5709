using System.Text.Json;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Tests.Crisp.Events;

public class CrispEventParserTests
{
    private static CrispEvent? Parse(string name, string json, out string? problem) =>
        CrispEventParser.Parse(name, JsonDocument.Parse(json).RootElement, out problem);

    [Fact]
    public void Visitor_message_carries_session_and_origin()
    {
        var parsed = Parse("message:send", """{"website_id":"w","session_id":"s","from":"user","origin":"urn:crisp.im:whatsapp:0","timestamp":1506985696616,"fingerprint":1}""", out var problem);

        var message = Assert.IsType<MessageSent>(parsed);
        Assert.Null(problem);
        Assert.True(message.IsFromVisitor);
        Assert.Equal(("w", "s", "urn:crisp.im:whatsapp:0"), (message.WebsiteId, message.SessionId, message.Origin));
    }

    [Theory]
    [InlineData("""{"website_id":"w","session_id":"s","from":"user","user":{"user_id":"17841400123","nickname":"Ana"}}""", "17841400123")]
    [InlineData("""{"website_id":"w","session_id":"s","from":"user","user":{"nickname":"Ana"}}""", null)]
    [InlineData("""{"website_id":"w","session_id":"s","from":"user","user":{"user_id":42}}""", null)]
    [InlineData("""{"website_id":"w","session_id":"s","from":"user"}""", null)]
    public void Visitor_message_carries_its_user_id_when_crisp_gives_one_as_text(string json, string? userId)
    {
        var message = Assert.IsType<MessageSent>(Parse("message:send", json, out var problem));
        Assert.Null(problem);
        Assert.Equal(userId, message.UserId);
    }

    [Fact]
    public void Operator_message_is_not_from_the_visitor()
    {
        var message = Assert.IsType<MessageSent>(Parse("message:send", """{"website_id":"w","session_id":"s","from":"operator"}""", out _));
        Assert.False(message.IsFromVisitor);
    }

    [Theory]
    [InlineData("session:set_phone", """{"website_id":"w","session_id":"s","phone":"+351912345678"}""")]
    [InlineData("session:set_email", """{"website_id":"w","session_id":"s","email":"a@b.co"}""")]
    [InlineData("session:set_nickname", """{"website_id":"w","session_id":"s","nickname":"Ana"}""")]
    [InlineData("session:set_origin", """{"website_id":"w","session_id":"s","origin":"urn:crisp.im:whatsapp:0"}""")]
    [InlineData("session:sync:geolocation", """{"website_id":"w","session_id":"s","geolocation":{"country":"PT","city":"Porto"}}""")]
    public void Session_set_events_become_visitor_details(string name, string json)
    {
        var details = Assert.IsType<SessionDetails>(Parse(name, json, out var problem)).Details;
        Assert.Null(problem);
        Assert.NotEqual(new VisitorDetails(), details);
    }

    [Theory]
    [InlineData("message:send", "[1,2]", "payload is Array")]
    [InlineData("message:send", "\"text\"", "payload is String")]
    [InlineData("message:send", """{"session_id":"s"}""", "no website_id")]
    [InlineData("message:send", """{"website_id":42,"session_id":"s"}""", "no website_id")]
    [InlineData("session:set_phone", """{"website_id":"w"}""", "no session_id")]
    [InlineData("session:set_phone", """{"website_id":"w","session_id":"s","phone":351912345678}""", "phone is Number, not a string")]
    [InlineData("session:set_email", """{"website_id":"w","session_id":"s"}""", "email is missing, not a string")]
    public void Malformed_payloads_give_a_problem_naming_the_field_but_never_its_value(string name, string json, string expected)
    {
        Assert.Null(Parse(name, json, out var problem));
        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
        Assert.DoesNotContain("351912345678", problem);
    }

    [Fact]
    public void Subscription_update_says_whether_the_website_is_bound()
    {
        Assert.Equal(new SubscriptionUpdated("w", false), Parse("plugin:subscription:updated", """{"website_id":"w","plugin_id":"p","bound":false}""", out _));
        Assert.Equal(new SubscriptionUpdated("w", true), Parse("plugin:subscription:updated", """{"website_id":"w","plugin_id":"p","bound":true}""", out _));
    }

    [Fact]
    public void Events_we_do_not_act_on_are_ignored_without_a_problem()
    {
        Assert.Null(Parse("message:compose:send", """{"website_id":"w","session_id":"s"}""", out var problem));
        Assert.Null(problem);
    }
}

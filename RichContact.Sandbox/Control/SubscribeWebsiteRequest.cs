namespace RichContact.Sandbox;

public sealed class SubscribeWebsiteRequest
{
    public string? WebsiteId { get; set; }
    public string? Token { get; set; }
    public string? Name { get; set; }
    public string? Domain { get; set; }
}

namespace RichContact.Sandbox;

public sealed class SandboxWebsite
{
    public string Id { get; set; } = "";
    public string Token { get; set; } = "";
    public string? Name { get; set; }
    public string? Domain { get; set; }
}

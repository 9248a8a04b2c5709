namespace RichContact.Sandbox;

public sealed class SendMessageRequest
{
    public string Content { get; set; } = "";
}

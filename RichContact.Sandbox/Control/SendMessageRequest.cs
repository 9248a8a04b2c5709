namespace RichContact.Sandbox;

internal sealed class SendMessageRequest
{
    public string Content { get; set; } = "";
}

namespace RichContact.Sandbox;

/// <summary>Details a visitor gives after the conversation started (<c>PATCH /_sandbox/conversations/{session_id}</c>); absent fields stay.</summary>
public sealed class ConversationDetailsRequest
{
    public string? Nickname { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

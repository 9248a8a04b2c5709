namespace RichContact.Sandbox;

/// <summary>A conversation as a real channel would start it (<c>POST /_sandbox/conversations</c>).</summary>
public sealed class StartConversationRequest
{
    public string WebsiteId { get; set; } = "";
    /// <summary><c>chat</c>, <c>email</c>, a full <c>urn:</c> origin, or a channel name such as <c>whatsapp</c>.</summary>
    public string Origin { get; set; } = "whatsapp";
    public string? Phone { get; set; }
    public string? Nickname { get; set; }
    public string? Email { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    /// <summary>
    /// The person's id on the channel (an Instagram user, a Messenger user): the same in each of their
    /// conversations. Whether RTM hears it is <see cref="SandboxOptions.PhonelessIdentity"/>; never in the meta.
    /// </summary>
    public string? ChannelUserId { get; set; }
    public string? Message { get; set; }
    /// <summary><see cref="MetaOrders"/>: when the <c>session:set_*</c> events go out relative to the first message.</summary>
    public string? MetaOrder { get; set; }
    public int? MetaSpacingMs { get; set; }
    /// <summary>
    /// When the conversation happened, if in the past: it is stored as Crisp would hold it now (created
    /// and first message then, its meta complete) and nothing is sent over RTM or web hooks — nobody was
    /// listening then. Absent: it starts now, events and all.
    /// </summary>
    public DateTimeOffset? CreatedAt { get; set; }
}

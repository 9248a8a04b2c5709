namespace RichContact.Sandbox;

/// <summary>The readings of <see cref="SandboxOptions.PhonelessIdentity"/>.</summary>
public static class PhonelessIdentityReadings
{
    /// <summary>The visitor's messages carry the person's id on the channel in <c>user.user_id</c>, the same in each of their conversations.</summary>
    public const string StableUserId = "stable-user-id";
    /// <summary><c>user.user_id</c> is the conversation's session id, as Crisp documents it for a chat visitor.</summary>
    public const string ConversationOnly = "conversation-only";
    /// <summary>The visitor's messages carry no <c>user.user_id</c> at all.</summary>
    public const string None = "none";
}

namespace RichContact.Sandbox.Conversations;

/// <summary>Conversation origins as Crisp writes them: <c>chat</c>, <c>email</c>, or an integration's URN.</summary>
internal static class Origins
{
    public const string Chat = "chat";
    public const string Email = "email";

    public static string ToCrisp(string origin)
    {
        var trimmed = origin.Trim().ToLowerInvariant();
        if (trimmed is Chat or Email || trimmed.StartsWith("urn:", StringComparison.Ordinal))
            return trimmed;
        return $"urn:crisp.im:{trimmed}:0";
    }
}

namespace RichContact.Sandbox;

/// <summary>The readings of <see cref="SandboxOptions.ConversationListFilter"/>.</summary>
internal static class ConversationListFilters
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Ignored = "ignored";
}

namespace RichContact.Bench;

/// <summary>A conversation the sandbox started for the bench.</summary>
public sealed record DrivenConversation(PlannedConversation Plan, string SessionId)
{
    public string WebsiteId => Plan.Request.WebsiteId;
}

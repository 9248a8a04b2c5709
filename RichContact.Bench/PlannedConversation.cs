using RichContact.Sandbox;

namespace RichContact.Bench;

/// <summary>One conversation the bench will start, and what it expects of the engine.</summary>
public sealed record PlannedConversation(StartConversationRequest Request, bool ExpectsOutcome, bool FollowUpInWindow);

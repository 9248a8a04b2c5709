namespace RichContact.Engine.Contacts;

/// <summary>
/// A conversation that happened before Rich Contact heard it, handed to <see cref="CreateContactRun"/> by a
/// backfill run: what the conversation list said of it (the tracker never saw it) and the run's id.
/// </summary>
/// <param name="Channel">From the listed origin; null when the list gave none (the job reads the meta).</param>
/// <param name="CreatedAt">The conversation's creation time in Crisp, when the list gave it.</param>
internal sealed record PastConversation(long RunId, string? Channel, DateTimeOffset? CreatedAt);

namespace RichContact.Engine.Activity;

/// <summary>
/// A website's conversations recorded failed because Crisp refused new contacts there
/// (<c>contacts_limit</c>) and not decided since: what its past-conversations page offers once the limit lifts.
/// </summary>
/// <param name="First">The earliest of their first messages.</param>
/// <param name="Last">The latest.</param>
public sealed record RefusedByLimit(int Count, DateTimeOffset First, DateTimeOffset Last)
{
    /// <summary>
    /// The backfill range that holds them. Conversations are listed by their creation and these are known
    /// by their first message: an hour's margin before takes in one created a while before its visitor wrote.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset Until) Range => (First.AddHours(-1), Last.AddMinutes(1));
}

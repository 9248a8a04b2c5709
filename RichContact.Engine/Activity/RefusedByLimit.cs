namespace RichContact.Engine.Activity;

/// <summary>
/// A website's conversations recorded failed because Crisp refused new contacts there
/// (<c>contacts_limit</c>) and not decided since: what its past-conversations page offers once the limit lifts.
/// </summary>
/// <param name="First">The earliest of their first messages.</param>
/// <param name="Last">The latest.</param>
public sealed record RefusedByLimit(int Count, DateTimeOffset First, DateTimeOffset Last);

namespace RichContact.Sandbox;

public sealed record SentMessage(long Fingerprint, long Timestamp);

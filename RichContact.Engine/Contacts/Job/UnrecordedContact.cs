namespace RichContact.Engine.Contacts;

/// <summary>A contact a job created whose activity entry could not be written yet: ids, a count, a reason code and a flag only.</summary>
internal sealed record UnrecordedContact(string PeopleId, int RestCalls, string? Reason = null, bool Placeholder = false);

namespace RichContact.Engine.Contacts;

/// <summary>
/// A contact job could not use <c>richcontact.db</c>; <see cref="HoldWhileDatabaseFailsAttribute"/>
/// runs it again later instead of spending Hangfire's retries. The cause's type only, never its
/// message: Hangfire stores and logs exceptions, and some messages quote the data they choked on.
/// </summary>
internal sealed class DatabaseHeldException(Exception cause)
    : Exception($"The settings and activity database failed with {cause.GetBaseException().GetType().Name}; the contact job is held and run again.");

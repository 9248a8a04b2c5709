namespace RichContact.Engine.Storage;

/// <summary>
/// A store's last failure, for the portal and <c>/readyz</c>. The exception's type only, and a fixed
/// hint: exception messages can quote the data they choked on.
/// </summary>
public sealed record StorageFailure(StorageFile File, string ErrorType, DateTimeOffset At)
{
    public const string Hint = "disk full or database locked?";

    public string Message => File switch
    {
        StorageFile.Database => $"The settings and activity database ({DataDirectory.DatabaseFileName}) failed with {ErrorType}: {Hint}",
        _ => $"The job storage ({DataDirectory.JobStorageFileName}) failed with {ErrorType}: {Hint}",
    };
}

namespace RichContact.Engine.Storage;

/// <summary>The two SQLite files the engine writes.</summary>
public enum StorageFile
{
    /// <summary><c>richcontact.db</c>: website settings and the activity log.</summary>
    Database,

    /// <summary><c>hangfire.db</c>: the contact jobs waiting out their collection window.</summary>
    JobStorage,
}

namespace RichContact.Engine.Storage;

/// <summary>The two stores the engine writes: SQLite files, or on PostgreSQL the engine's tables and Hangfire's schema.</summary>
public enum StorageFile
{
    /// <summary><c>richcontact.db</c>: website settings and the activity log.</summary>
    Database,

    /// <summary><c>hangfire.db</c>: the contact jobs waiting out their collection window.</summary>
    JobStorage,
}

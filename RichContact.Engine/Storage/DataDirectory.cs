using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RichContact.Engine.Storage;

/// <summary>
/// Every file the app keeps in the data directory (<see cref="DataDirectoryOptions.DataDirectory"/>),
/// and how each is written. Nothing else names them: a backup, a move to another disk or a reset
/// ("delete admin.json") starts here. The directory is created when a path is first asked for.
/// <list type="bullet">
/// <item><see cref="Database"/> — settings, activity log, backfill runs: EF Core over SQLite in WAL
/// mode with <c>synchronous = NORMAL</c> (<see cref="SynchronousNormal"/>), beside its <c>-wal</c>
/// and <c>-shm</c> files.</item>
/// <item><see cref="JobStorage"/> — Hangfire's jobs (Hangfire.Storage.SQLite manages its own schema,
/// so it gets its own file).</item>
/// <item><see cref="RequestBudget"/>, <see cref="PluginConnectFileName"/>, <see cref="LastEventMarkFileName"/>,
/// <see cref="AdminAccountFileName"/> — small state files (the last three read and written through
/// <see cref="PathOf"/> by name), each replaced whole by
/// <see cref="DataFile.AtomicWriteAllText"/> (a <c>.tmp</c> beside it, then moved over), so a kill
/// mid-write leaves the previous content.</item>
/// <item><see cref="Keys"/> — ASP.NET Core data-protection keys (the admin cookie), written by the
/// framework's file-system key repository, encrypted with <see cref="KeyProtection"/> by default.</item>
/// </list>
/// </summary>
public sealed class DataDirectory
{
    public const string DatabaseFileName = "richcontact.db";
    public const string JobStorageFileName = "hangfire.db";
    public const string RequestBudgetFileName = "crisp-budget.json";

    /// <summary>What Crisp's <c>plugin/connect</c> routes answered last: the RTM endpoint and the website ids.</summary>
    public const string PluginConnectFileName = "crisp-plugin-connect.json";

    /// <summary>When the RTM socket last showed a sign of life (timestamps): where a restarted process catches up from.</summary>
    public const string LastEventMarkFileName = "rtm-last-event.txt";

    /// <summary>The PBKDF2 hash of the generated admin password.</summary>
    public const string AdminAccountFileName = "admin.json";

    public const string KeysDirectoryName = "keys";
    public const string KeyProtectionFileName = "keys.secret";

    /// <param name="directory">Relative paths are relative to the working directory.</param>
    public DataDirectory(string directory) => Path = System.IO.Path.GetFullPath(directory);

    /// <summary>The one registered: <see cref="DataDirectoryOptions.DataDirectory"/>.</summary>
    internal static DataDirectory FromOptions(IServiceProvider services) =>
        new(services.GetRequiredService<IOptions<DataDirectoryOptions>>().Value.DataDirectory);

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>Website settings, the activity log and backfill runs.</summary>
    public string Database => InIt(DatabaseFileName);

    /// <summary>Hangfire's jobs: the contact jobs waiting out their collection window, backfill batches.</summary>
    public string JobStorage => InIt(JobStorageFileName);

    /// <summary>Today's Crisp request count (a date and a number: no personal data).</summary>
    public string RequestBudget => InIt(RequestBudgetFileName);

    /// <summary>The data-protection keys of the admin cookie, so that logins survive restarts.</summary>
    public string Keys => InIt(KeysDirectoryName);

    /// <summary>
    /// The secret that encrypts <see cref="Keys"/> when <c>RichContact:Admin:KeyProtection</c> names
    /// none: a copy of the keys (or, on PostgreSQL, of the database) without it mints no login.
    /// </summary>
    public string KeyProtection => InIt(KeyProtectionFileName);

    /// <summary>
    /// One of the small state files above by its name (a <c>…FileName</c> constant): the node's state
    /// goes through its name, so that with PostgreSQL the same name is a row instead (Nodes/NodeState.cs).
    /// </summary>
    public string PathOf(string fileName) => InIt(fileName);

    private string InIt(string name)
    {
        Directory.CreateDirectory(Path);
        return System.IO.Path.Combine(Path, name);
    }
}

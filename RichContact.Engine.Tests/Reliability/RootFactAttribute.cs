namespace RichContact.Engine.Tests.Reliability;

/// <summary>Runs only as root: a full disk needs a small tmpfs mounted as the data directory.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
            Skip = "blocked: mounting a small tmpfs to fill the disk needs root";
    }
}

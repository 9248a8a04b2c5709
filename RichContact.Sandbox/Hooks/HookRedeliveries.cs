namespace RichContact.Sandbox.Hooks;

/// <summary>The readings of how Crisp sends a failed Web Hooks delivery again (<see cref="SandboxOptions.HookRedelivery"/>).</summary>
internal static class HookRedeliveries
{
    /// <summary>The very same request: timestamp and signature unchanged.</summary>
    public const string Same = "same";

    /// <summary>Signed anew with the time of the new attempt: a receiver sees a different signature.</summary>
    public const string Fresh = "fresh";

    public static bool IsKnown(string? reading) => reading is Same or Fresh;
}

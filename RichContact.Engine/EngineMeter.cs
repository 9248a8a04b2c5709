namespace RichContact.Engine;

/// <summary>The one meter every engine metric is on, whichever part counts it (Telemetry/EngineMetrics.cs, the Crisp client).</summary>
internal static class EngineMeter
{
    public const string Name = "RichContact";
}

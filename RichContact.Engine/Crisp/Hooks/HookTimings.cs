namespace RichContact.Engine.Crisp.Hooks;

/// <summary>Configuration section <c>RichContact:Hooks</c>: the Web Hooks event source's clock (<see cref="CrispHookListener"/>); tests shorten it.</summary>
internal sealed class HookTimings
{
    public const string Section = "RichContact:Hooks";

    /// <summary>How often the last-event mark moves on while the process runs, and the marks of nodes gone are taken over.</summary>
    public double MarkIntervalSeconds { get; set; } = 15;

    public TimeSpan MarkInterval => TimeSpan.FromSeconds(MarkIntervalSeconds);
}

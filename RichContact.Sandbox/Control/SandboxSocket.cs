namespace RichContact.Sandbox;

/// <param name="Address">Where the socket connected, e.g. <c>ws://127.0.0.1:41234/p/1/</c>.</param>
public sealed record SandboxSocket(string Sid, int Eio, bool Authenticated, IReadOnlyList<string> Events,
    IReadOnlyList<string> Websites, int BindAttempts, string Address);

using System.Net;

namespace RichContact.Web.Security;

/// <summary>
/// Says once per sender that its forwarded headers were ignored: a proxy missing from
/// <see cref="WebOptions.TrustedProxies"/> shows up in the log, and a stranger sending the header
/// on every request does not fill it. Past <see cref="MaxSenders"/> senders, one last line says
/// that further ones go unlogged.
/// </summary>
public sealed partial class UntrustedForwardingLog(ILogger<UntrustedForwardingLog> logger)
{
    public const int MaxSenders = 1000;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _senders = new(StringComparer.Ordinal);
    private bool _full;

    public void Ignored(IPAddress? sender)
    {
        var address = sender is null ? "unknown" : (sender.IsIPv4MappedToIPv6 ? sender.MapToIPv4() : sender).ToString();
        bool first, nowFull = false;
        lock (_gate)
        {
            first = !_full && _senders.Add(address);
            if (first && _senders.Count >= MaxSenders)
                _full = nowFull = true;
        }
        if (first)
            LogIgnored(address);
        if (nowFull)
            LogFull(MaxSenders);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored X-Forwarded-For/-Proto from {Sender}: not in RichContact:Web:TrustedProxies. If it is your reverse proxy, add its address there; said once per sender.")]
    private partial void LogIgnored(string sender);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarded headers ignored from {Count} senders: further ones are not logged until the app restarts.")]
    private partial void LogFull(int count);
}

namespace RichContact.Engine.Crisp;

public enum CrispConnectionState
{
    NotStarted,
    Connecting,
    Connected,
    Reconnecting,
    /// <summary>Crisp refused the plugin token: the engine stops until the configuration is fixed.</summary>
    Unauthorized,
    /// <summary>Another node holds the RTM socket (several nodes on PostgreSQL): this one takes over if that one goes.</summary>
    Standby,
}

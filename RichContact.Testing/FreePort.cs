using System.Net;
using System.Net.Sockets;

namespace RichContact.Testing;

public static class FreePort
{
    /// <summary>A loopback port free right now (the sandbox needs a fixed port before it starts).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;

namespace RichContact.Testing;

public static class FreePort
{
    // Below Linux's ephemeral range (ip_local_port_range, 32768-60999 by default). A port the kernel
    // picked for us (bind to 0) is in that range, and so is the local end of every outgoing
    // connection: once our listener released it, a test's HTTP or PostgreSQL client could take it
    // before the app bound it ("address already in use", seen on loaded runs). Ports down here are
    // never handed out by the kernel, so only another test's pick could collide, and each pick is
    // checked free and never repeated within a process.
    private const int First = 20000;
    private const int Last = 32000;

    private static readonly HashSet<int> Given = [];

    /// <summary>A loopback port free right now (the sandbox needs a fixed port before it starts).</summary>
    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (Given.Contains(port) || !IsFree(port))
                    continue;
                Given.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

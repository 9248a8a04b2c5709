using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IStateChanges"/> of several nodes on PostgreSQL: a change is sent as a NOTIFY on
/// <see cref="Channel"/> (payload: the topic, the key and the announcing node — ids, nothing
/// personal) and raised at once in this process; every node LISTENs on a connection of its own and
/// raises what other nodes announce, so a copy is dropped everywhere within a second. Each time it
/// (re)starts listening it raises "anything may have changed" on every topic: what was announced while
/// it was not listening is lost, so every copy goes. <see cref="CopyLifetime"/> is the fallback for a
/// notification missed any other way (a connection that died silently, a row edited by hand).
/// </summary>
internal sealed class PostgresStateChanges(NodesDatabase database, NodeIdentity node, IOptions<StorageOptions> storage, TimeProvider clock,
    ILogger<PostgresStateChanges> logger)
    : BackgroundService, IStateChanges
{
    public const string Channel = "richcontact_changes";

    private readonly StateChangeSubscribers _subscribers = new();
    private readonly PostgresListener _listener = new(database, Channel, "changes", clock);

    /// <summary>A copy older than this is read again, notification or not.</summary>
    public TimeSpan CopyLifetime { get; } = TimeSpan.FromSeconds(storage.Value.CopyLifetimeSeconds);

    /// <summary>True while this node LISTENs: other nodes' changes announced from then on reach it.</summary>
    public bool IsListening => _listener.IsListening;

    public IDisposable Subscribe(string topic, Action<string?> changed) => _subscribers.Add(topic, changed);

    public async Task AnnounceAsync(string topic, string key, CancellationToken ct = default)
    {
        _subscribers.Raise(topic, key);
        try
        {
            await database.ExecuteAsync("SELECT pg_notify($1, $2)", ct, Channel, $"{topic}|{key}|{node.Name}");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Could not tell the other nodes that {Topic} changed ({ErrorType}); their copies are read again within {Lifetime:0} s",
                topic, error.GetType().Name, CopyLifetime.TotalSeconds);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _listener.RunAsync(Heard,
            _ =>
            {
                // Whatever was announced before this LISTEN went unheard.
                _subscribers.Raise(null, null);
                return Task.CompletedTask;
            },
            (error, delay) => logger.LogWarning(
                "Lost the PostgreSQL connection that hears other nodes' changes ({ErrorType}); copies expire within {Lifetime:0} s meanwhile, trying again in {Delay:0.#} s",
                error.GetType().Name, CopyLifetime.TotalSeconds, delay.TotalSeconds),
            stoppingToken);

    private void Heard(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[2] == node.Name) // this node raised its own already
            return;
        _subscribers.Raise(parts[0], parts[1]);
    }
}

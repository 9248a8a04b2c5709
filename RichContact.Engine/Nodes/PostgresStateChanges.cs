using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
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

    /// <summary>After a broken connection, this first, doubling up to <see cref="MaxRetryDelay"/>.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly StateChangeSubscribers _subscribers = new();
    private bool _listening;

    /// <summary>A copy older than this is read again, notification or not.</summary>
    public TimeSpan CopyLifetime { get; } = TimeSpan.FromSeconds(storage.Value.CopyLifetimeSeconds);

    /// <summary>True while this node LISTENs: other nodes' changes announced from then on reach it.</summary>
    public bool IsListening => Volatile.Read(ref _listening);

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                Volatile.Write(ref _listening, false);
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10)), MaxRetryDelay.TotalMilliseconds));
                if (failures == 1)
                    logger.LogWarning("Lost the PostgreSQL connection that hears other nodes' changes ({ErrorType}); copies expire within {Lifetime:0} s meanwhile, trying again in {Delay:0.#} s",
                        error.GetType().Name, CopyLifetime.TotalSeconds, delay.TotalSeconds);
                try { await Task.Delay(delay, clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        Volatile.Write(ref _listening, false);
    }

    private async Task ListenAsync(Action listening, CancellationToken ct)
    {
        // Not pooled: LISTEN belongs to this session. Keepalive: a connection that died silently ends WaitAsync.
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString("changes")) { Pooling = false, KeepAlive = 10 };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => Heard(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        Volatile.Write(ref _listening, true);
        listening();
        // Whatever was announced before this LISTEN went unheard.
        _subscribers.Raise(null, null);
        while (true)
            await connection.WaitAsync(ct);
    }

    private void Heard(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[2] == node.Name) // this node raised its own already
            return;
        _subscribers.Raise(parts[0], parts[1]);
    }
}

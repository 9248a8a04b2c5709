using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RichContact.Engine.Tests.Support;

/// <summary>The SQL the engine's EF Core contexts send, with their parameters, to count queries and explain their plans.</summary>
public sealed class CommandRecorder : DbCommandInterceptor
{
    public sealed record Command(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    private readonly ConcurrentQueue<Command> _commands = new();

    public IReadOnlyCollection<Command> Commands => _commands;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(new Command(command.CommandText,
            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

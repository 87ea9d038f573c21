using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesOps.Bench;

/// <summary>A query EF Core sent: its SQL and parameter values, enough to replay it under <c>EXPLAIN QUERY PLAN</c>.</summary>
public sealed record CapturedSql(string Text, IReadOnlyList<(string Name, object Value)> Parameters);

/// <summary>
/// Records the queries EF Core sends while <see cref="Capturing"/> is on. Only turned on around one call, so the
/// timed loops pay nothing for it.
/// </summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private readonly ConcurrentQueue<CapturedSql> _commands = new();

    public bool Capturing { get; set; }

    /// <summary>The queries captured so far, which are removed from the capture.</summary>
    public IReadOnlyList<CapturedSql> Take()
    {
        List<CapturedSql> taken = [];
        while (_commands.TryDequeue(out var command))
        {
            taken.Add(command);
        }

        return taken;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Capturing)
        {
            _commands.Enqueue(new CapturedSql(
                command.CommandText,
                command.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList()));
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

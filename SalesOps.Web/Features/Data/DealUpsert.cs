using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SalesOps.Shared.Domain;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Data;

public enum UpsertOutcome { Added, Updated, Unchanged }

/// <summary>
/// Writes imported deals with one prepared INSERT … ON CONFLICT(ExternalId) DO UPDATE: a re-import updates the deals
/// it brought before (bumping their version only when something changed) and never adds them twice. Like
/// <see cref="BulkInsert{T}"/>, values go through the model's column names and converters.
/// </summary>
public sealed class DealUpsert : IAsyncDisposable
{
    private static readonly string[] KeptOnUpdate = [nameof(Deal.Id), nameof(Deal.Version), nameof(Deal.ExternalId), nameof(Deal.CreatedOn), nameof(Deal.StageEnteredAt), nameof(Deal.LostReason)];

    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly Func<Deal, object?>[] _values;

    private DealUpsert(DbCommand command, DbParameter[] parameters, Func<Deal, object?>[] values)
    {
        _command = command;
        _parameters = parameters;
        _values = values;
    }

    public static async Task<DealUpsert> PrepareAsync(SalesOpsDbContext db, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(Deal))!;
        var columns = entityType.GetProperties().Where(p => p.PropertyInfo is not null && p.Name != nameof(Deal.Id)).ToList();
        string Column(string property) => $"\"{entityType.FindProperty(property)!.GetColumnName()}\"";
        var updated = columns.Where(c => !KeptOnUpdate.Contains(c.Name)).Select(c => $"\"{c.GetColumnName()}\"").ToList();

        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            $"INSERT INTO \"{entityType.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))}) " +
            $"ON CONFLICT({Column(nameof(Deal.ExternalId))}) DO UPDATE SET {string.Join(", ", updated.Select(c => $"{c} = excluded.{c}"))}, " +
            $"{Column(nameof(Deal.Version))} = {Column(nameof(Deal.Version))} + 1 " +
            $"WHERE {string.Join(" OR ", updated.Select(c => $"{c} IS NOT excluded.{c}"))} " +
            $"RETURNING {Column(nameof(Deal.Version))}";
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        return new DealUpsert(command, parameters, columns.Select(c => BulkInsert<Deal>.Reader(c.PropertyInfo!, c.GetTypeMapping().Converter?.ConvertToProvider)).ToArray());
    }

    public async Task<UpsertOutcome> WriteAsync(Deal deal, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            _parameters[i].Value = _values[i](deal) ?? DBNull.Value;
        }

        // No row back: the deal was there with these very values.
        var version = await _command.ExecuteScalarAsync(cancellationToken);
        return version is null or DBNull ? UpsertOutcome.Unchanged : Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture) == 0 ? UpsertOutcome.Added : UpsertOutcome.Updated;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}

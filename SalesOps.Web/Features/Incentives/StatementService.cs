using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Incentives;
using SalesOps.Shared.Kpis;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Incentives;

public enum StatementStatus
{
    Ok,

    /// <summary>The period text is neither <c>current</c> nor a quarter such as <c>2026-Q4</c>.</summary>
    BadPeriod,

    /// <summary>No such rep, or not one the actor may see: the same answer, so a refusal tells nothing about the rep.</summary>
    Refused,

    /// <summary>The actor has no statement of their own (not a rep) and asked for "their own".</summary>
    NoOwnStatement,

    /// <summary>No comp plan covers the period.</summary>
    NoPlan,
}

/// <summary>A rep's statement for one quarter, with what the page needs around it.</summary>
public sealed record RepStatement(int RepId, string RepName, string TeamName, string PeriodKey, string PlanName, CommissionStatement Statement);

public sealed record StatementResult(StatementStatus Status, RepStatement? Statement = null)
{
    public bool Succeeded => Status == StatementStatus.Ok;
}

/// <summary>
/// Commission statements with strict rights: a rep reads only their own, a manager their team's, a VP or an admin
/// anyone's (<see cref="Actor.CanSeePayOf"/>). The check is made here, per rep, for every way in (page, URL, CSV), and
/// every refusal is logged.
/// </summary>
public sealed partial class StatementService(
    IDbContextFactory<SalesOpsDbContext> factory,
    StageCatalog stages,
    ILogger<StatementService> logger)
{
    public const string Current = "current";

    /// <summary>Reads a statement period: <c>current</c> (the quarter of <paramref name="today"/>) or <c>2026-Q4</c>.</summary>
    public static bool TryParsePeriod(string? text, DateOnly today, out Period period, out string key)
    {
        if (string.Equals(text, Current, StringComparison.OrdinalIgnoreCase))
        {
            period = Period.QuarterOf(today);
            key = KeyOf(period);
            return true;
        }

        var match = text is { Length: <= 16 } ? QuarterPattern().Match(text) : Match.Empty;
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            var quarter = match.Groups[2].Value[0] - '0';
            period = Period.QuarterOf(new DateOnly(year, (quarter - 1) * 3 + 1, 1));
            key = KeyOf(period);
            return true;
        }

        period = default;
        key = "";
        return false;
    }

    public static string KeyOf(Period quarter) => $"{quarter.Start.Year}-Q{(quarter.Start.Month - 1) / 3 + 1}";

    /// <param name="repId">Whose statement; null for the actor's own.</param>
    /// <param name="today">The user's today, which "current" means the quarter of.</param>
    public async Task<StatementResult> LoadAsync(Actor actor, int? repId, string? periodText, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!TryParsePeriod(periodText, today, out var period, out var key))
        {
            return new StatementResult(StatementStatus.BadPeriod);
        }

        if ((repId ?? actor.RepId) is not { } whose)
        {
            return new StatementResult(StatementStatus.NoOwnStatement);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rep = await db.Reps.AsNoTracking()
            .Where(r => r.Id == whose)
            .Select(r => new { r.Id, r.Name, r.TeamId, Team = r.Team!.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (rep is null || !actor.CanSeePayOf(rep.Id, rep.TeamId))
        {
            // Logged with who asked; the answer itself is the same whether the rep exists or not.
            StatementLog.Refused(logger, actor.Name, actor.Role, whose, key);
            return new StatementResult(StatementStatus.Refused);
        }

        if (await PayInputs.RequestAsync(db, stages.WonId, rep.Id, period, cancellationToken) is not { } found)
        {
            return new StatementResult(StatementStatus.NoPlan);
        }

        var (request, plan) = found;

        return new StatementResult(StatementStatus.Ok, new RepStatement(rep.Id, rep.Name, rep.Team, key, plan.Name, CommissionEngine.Compute(request)));
    }

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterPattern();
}

internal static partial class StatementLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Actor} ({Role}) the statement of rep {RepId} for {Period}")]
    public static partial void Refused(ILogger logger, string actor, string role, int repId, string period);
}

namespace SalesOps.Web.Features.Incentives;

/// <summary>Live event kinds of the incentives area (deal events are <see cref="Shared.Domain.LiveEventKinds"/>).</summary>
public static class IncentiveEvents
{
    /// <summary>A rep's quota was set, changed or removed; <c>RepId</c> and <c>TeamId</c> say whose.</summary>
    public const string QuotaChanged = "quota.changed";

    /// <summary>A comp plan or its assignments changed; pay figures may change for anyone.</summary>
    public const string PlanChanged = "plan.changed";

    /// <summary>A contest was created or changed; <c>EntityId</c> is the contest.</summary>
    public const string ContestChanged = "contest.changed";
}

using SalesOps.Shared.Access;

namespace SalesOps.Shared.Screens;

/// <summary>
/// Who builds wall screens: ops (analysts), managers, VPs and admins; reps watch them. A manager's screens show
/// their own team only — every slide filtered to it — because a TV shows its numbers to whoever walks by.
/// </summary>
public static class ScreenAccess
{
    public static bool CanOpen(Actor actor) => actor.Role is Roles.Analyst or Roles.Manager or Roles.VP or Roles.Admin;

    /// <param name="slideTeams">The team filter of every slide of the screen (null: the whole company).</param>
    public static bool CanManage(Actor actor, IEnumerable<int?> slideTeams) => actor.Role switch
    {
        Roles.Analyst or Roles.VP or Roles.Admin => true,
        Roles.Manager => actor.TeamId is { } team && slideTeams.All(t => t == team),
        _ => false,
    };

    /// <summary>Only admins push a reload to a TV and see the demo screen's display link.</summary>
    public static bool CanReload(Actor actor) => actor.Role == Roles.Admin;
}

/// <summary>Live events of screens; the entity id is the screen's.</summary>
public static class ScreenEvents
{
    /// <summary>A screen's playlist, theme or token changed (or it was deleted): displays showing it re-read.</summary>
    public const string Changed = "screen.changed";
}

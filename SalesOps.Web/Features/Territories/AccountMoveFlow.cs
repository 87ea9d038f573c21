using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesOps.Web.Auth;
using SalesOps.Web.Resources;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Territories;

/// <summary>A territory an account may be moved to, as a board column or a map region shows it.</summary>
public sealed record MoveTarget(int Id, string Name, bool CanEdit);

/// <summary>
/// What the board and the map do when a user moves an account: say why when it cannot go there, ask first when
/// open deals would change hands (how many, how much, to whom), save through <see cref="TerritoryService"/> (which
/// checks rights and the version again) and tell the user the outcome in their language. One per circuit.
/// </summary>
public sealed class AccountMoveFlow(
    TerritoryService territories,
    TerritoryPlanService plans,
    CurrentActor currentActor,
    IDialogService dialogs,
    ISnackbar snackbar,
    MoneyFormat money,
    IStringLocalizer<Strings> l)
{
    /// <returns>The outcome of the save, or null when nothing was tried (refused here or not confirmed).</returns>
    public async Task<AccountMoveOutcome?> MoveAsync(int accountId, string accountName, int version, int? fromTerritoryId, MoveTarget target)
    {
        if (!MayTry(fromTerritoryId, target))
        {
            return null;
        }

        // Asked only when deals change hands: an account without open deals just moves.
        if (await territories.PreviewMoveAsync(accountId, target.Id) is { OpenDeals: > 0 } preview)
        {
            var confirmed = await dialogs.ShowMessageBoxAsync(
                l["Territories.MoveTitle", accountName],
                l["Territories.MoveConfirm", accountName, target.Name, preview.OpenDeals, money.Format(preview.OpenAmount), preview.NewOwner ?? "?"],
                yesText: l["Territories.Move"],
                cancelText: l["Territories.Cancel"]);
            if (confirmed != true)
            {
                return null;
            }
        }

        var outcome = await territories.MoveAccountAsync(await currentActor.GetAsync(), accountId, target.Id, version);
        snackbar.Add(AccountMoveText.Describe(l, outcome, accountName), outcome.Succeeded ? Severity.Success : Severity.Warning);
        return outcome;
    }

    /// <summary>
    /// The same move on a draft plan's board or map: the same refusals, but nothing live changes, so no deal changes
    /// hands and nothing is asked; the move goes into the plan (a move back to where the account is leaves it).
    /// </summary>
    /// <returns>Whether the plan changed.</returns>
    public async Task<bool> PlanMoveAsync(int planId, int accountId, string accountName, int? fromTerritoryId, MoveTarget target)
    {
        if (!MayTry(fromTerritoryId, target))
        {
            return false;
        }

        var outcome = await plans.SetMoveAsync(await currentActor.GetAsync(), planId, accountId, target.Id);
        snackbar.Add(
            outcome.Status switch
            {
                PlanStatus.Ok => l["Territories.Plans.DraftMoved", accountName, target.Name],
                PlanStatus.Forbidden => l["Territories.Plans.Forbidden"],
                _ => l["Territories.Plans.Invalid"],
            },
            outcome.Succeeded ? Severity.Success : Severity.Warning);
        return outcome.Succeeded;
    }

    /// <summary>A drop onto the same territory or one the user may not edit does nothing and says why.</summary>
    private bool MayTry(int? fromTerritoryId, MoveTarget target)
    {
        if (target.Id == fromTerritoryId)
        {
            snackbar.Add(l["Territories.SameTerritory", target.Name], Severity.Info);
            return false;
        }

        if (!target.CanEdit)
        {
            snackbar.Add(l["Territories.TargetNotEditable", target.Name], Severity.Warning);
            return false;
        }

        return true;
    }
}

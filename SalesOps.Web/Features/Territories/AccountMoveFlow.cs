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
    CurrentActor currentActor,
    IDialogService dialogs,
    ISnackbar snackbar,
    MoneyFormat money,
    IStringLocalizer<Strings> l)
{
    /// <returns>The outcome of the save, or null when nothing was tried (refused here or not confirmed).</returns>
    public async Task<AccountMoveOutcome?> MoveAsync(int accountId, string accountName, int version, int? fromTerritoryId, MoveTarget target)
    {
        if (target.Id == fromTerritoryId)
        {
            snackbar.Add(l["Territories.SameTerritory", target.Name], Severity.Info);
            return null;
        }

        if (!target.CanEdit)
        {
            snackbar.Add(l["Territories.TargetNotEditable", target.Name], Severity.Warning);
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
}

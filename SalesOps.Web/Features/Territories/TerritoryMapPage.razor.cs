using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Auth;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// The live territory map. A marker dropped on a region moves the account to the territory the region belongs to
/// (through the same <see cref="AccountMoveFlow"/> as the board); a selected region can be given to another
/// territory. Every account move, region change and deal change anywhere re-reads it through the live bus, and a
/// marker only ever shows the territory the database says.
/// </summary>
public sealed partial class TerritoryMapPage : LivePage
{
    private Actor? _actor;
    private TerritoryMapData? _data;
    private string? _selectedRegion;
    private int? _selectedAccount;
    private bool _busy;
    private int? _planId;
    private PlanEvaluation? _plan;
    private bool _canEditPlan;

    [Inject] private TerritoryMapService Map { get; set; } = default!;
    [Inject] private TerritoryRuleService Rules { get; set; } = default!;
    [Inject] private AccountMoveFlow MoveFlow { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TerritoryPlanService Plans { get; set; } = default!;

    /// <summary>A what-if plan to show and edit instead of the live assignment (<c>/territories/map?plan=3</c>).</summary>
    [SupplyParameterFromQuery(Name = "plan")] private string? PlanParameter { get; set; }

    /// <summary>Showing a draft plan: moves go into it, and nothing live changes.</summary>
    private bool InDraft => _plan is { IsDraft: true };

    protected override async Task OnInitializedAsync() => _actor = await CurrentActor.GetAsync();

    protected override async Task OnParametersSetAsync()
    {
        var planId = int.TryParse(PlanParameter, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        if (_data is null || planId != _planId)
        {
            _planId = planId;
            await ReloadAsync();
        }
    }

    protected override bool Shows(LiveEvent liveEvent) =>
        liveEvent.Kind is LiveEventKinds.AccountMoved or LiveEventKinds.AccountCreated or LiveEventKinds.TerritoryChanged
            or LiveEventKinds.DealCreated or LiveEventKinds.DealUpdated or LiveEventKinds.DealStageChanged
        || (liveEvent.Kind == LiveEventKinds.TerritoryPlanChanged && liveEvent.EntityId == _planId);

    protected override async Task LoadAsync()
    {
        _plan = _planId is { } planId ? await Plans.EvaluateAsync(planId, Clock.Today) : null;
        _canEditPlan = _plan is { } plan && TerritoryPlanService.CanEdit(_actor!, plan.Plan.Status, plan.Plan.CreatedBy);
        _data = await Map.LoadAsync(_actor!, Clock.Today, InDraft ? _plan!.Placement() : null);
    }

    private void SelectRegion(string? code)
    {
        _selectedRegion = code;
        _selectedAccount = null;
    }

    private void SelectAccount(int accountId)
    {
        _selectedAccount = accountId;
        _selectedRegion = null;
    }

    private async Task OnAccountDroppedAsync((int AccountId, string? RegionCode) drop)
    {
        var region = drop.RegionCode is null ? null : _data?.Regions.FirstOrDefault(r => r.Code == drop.RegionCode);
        if (region is null)
        {
            Snackbar.Add(L["Territories.Map.DropOutside"], Severity.Info);
            return;
        }

        var target = region.TerritoryId is { } id ? _data!.Territories.FirstOrDefault(t => t.Id == id) : null;
        if (target is null)
        {
            Snackbar.Add(L["Territories.Map.NoTerritoryFor", region.Name], Severity.Info);
            return;
        }

        await MoveAccountAsync((drop.AccountId, target.Id));
    }

    private async Task MoveAccountAsync((int AccountId, int TerritoryId) move)
    {
        var account = _data?.Accounts.FirstOrDefault(a => a.Id == move.AccountId);
        var target = _data?.Territories.FirstOrDefault(t => t.Id == move.TerritoryId);
        if (account is null || target is null)
        {
            return;
        }

        _busy = true;
        try
        {
            var to = new MoveTarget(target.Id, target.Name, target.CanEdit);
            _ = InDraft
                ? await MoveFlow.PlanMoveAsync(_plan!.Plan.Id, account.Id, account.Name, account.TerritoryId, to)
                : await MoveFlow.MoveAsync(account.Id, account.Name, account.Version, account.TerritoryId, to) is not null;
        }
        finally
        {
            _busy = false;
            await ReloadAsync();
        }
    }

    private async Task GiveRegionAsync((string RegionCode, int TerritoryId) give)
    {
        var region = _data?.Regions.FirstOrDefault(r => r.Code == give.RegionCode);
        var target = _data?.Territories.FirstOrDefault(t => t.Id == give.TerritoryId);
        if (region is null || target is null)
        {
            return;
        }

        var from = _data!.Territories.FirstOrDefault(t => t.Id == region.TerritoryId);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Territories.Map.GiveTitle", region.Name],
            L["Territories.Map.GiveConfirm", region.Name, target.Name, from?.Name ?? L["Territories.Map.NoTerritory"]],
            yesText: L["Territories.Map.Give"],
            cancelText: L["Territories.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            if (InDraft)
            {
                // In a draft the region's accounts go into the plan; the region's claim changes only when given live.
                var drafted = await Plans.SetRegionMovesAsync(await CurrentActor.GetAsync(), _plan!.Plan.Id, region.Code, target.Id);
                Snackbar.Add(drafted.Succeeded ? L["Territories.Plans.DraftMoved", region.Name, target.Name] : L["Territories.Plans.Invalid"], drafted.Succeeded ? Severity.Success : Severity.Warning);
            }
            else
            {
                var outcome = await Rules.GiveRegionAsync(await CurrentActor.GetAsync(), region.Code, target.Id);
                Snackbar.Add(RuleChangeText.Describe(L, outcome, region.Name), outcome.Succeeded ? Severity.Success : Severity.Warning);
            }
        }
        finally
        {
            _busy = false;
            await ReloadAsync();
        }
    }
}

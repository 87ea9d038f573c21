using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Auth;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// What-if territory plans: list, draft (moves kept apart from the live data), evaluate (balance figures and quota
/// coverage before → after), compare two side by side (<c>?plan=1&amp;compare=2</c>), publish. Live: any account move
/// re-reads the plan, so a move the live data overtook shows as a conflict before anyone presses publish.
/// </summary>
public sealed partial class TerritoryPlansPage : LivePage
{
    private Actor? _actor;
    private bool _canDraft;
    private string? _newName;
    private bool _busy;
    private IReadOnlyList<PlanSummary> _plans = [];
    private IReadOnlyList<MoveTarget> _territories = [];
    private PlanEvaluation? _plan;
    private PlanEvaluation? _compare;
    private IReadOnlyList<PlanConflict>? _conflicts;
    private int? _planId;
    private int? _compareId;

    [Inject] private TerritoryPlanService Plans { get; set; } = default!;
    [Inject] private TerritoryMapService Map { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "plan")] private string? PlanParameter { get; set; }
    [SupplyParameterFromQuery(Name = "compare")] private string? CompareParameter { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _canDraft = TerritoryPlanService.CanDraft(_actor);
    }

    protected override async Task OnParametersSetAsync()
    {
        _planId = Parse(PlanParameter);
        _compareId = Parse(CompareParameter) is { } c && c != _planId ? c : null;
        _conflicts = null;
        await ReloadAsync();
    }

    protected override bool Shows(LiveEvent liveEvent) =>
        liveEvent.Kind is LiveEventKinds.AccountMoved or LiveEventKinds.TerritoryChanged or LiveEventKinds.DealCreated
            or LiveEventKinds.DealUpdated or LiveEventKinds.DealStageChanged;

    protected override async Task LoadAsync()
    {
        _plans = await Plans.ListAsync();
        _territories = await Map.TargetsAsync(_actor!);
        _plan = _planId is { } id ? await Plans.EvaluateAsync(id, Clock.Today) : null;
        _compare = _compareId is { } other ? await Plans.EvaluateAsync(other, Clock.Today) : null;
    }

    private static int? Parse(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Link(int plan, int? compare) =>
        compare is null ? $"territories/plans?plan={plan}" : $"territories/plans?plan={plan}&compare={compare}";

    private async Task CreateAsync()
    {
        var outcome = await Plans.CreateAsync(await CurrentActor.GetAsync(), _newName);
        if (Report(outcome))
        {
            _newName = null;
            Navigation.NavigateTo(Link(outcome.PlanId!.Value, null));
        }
    }

    private Task SetMoveAsync((int AccountId, int TerritoryId) move) =>
        EditAsync(async actor => await Plans.SetMoveAsync(actor, _planId!.Value, move.AccountId, move.TerritoryId));

    private Task RemoveMoveAsync(int accountId) => EditAsync(async actor => await Plans.RemoveMoveAsync(actor, _planId!.Value, accountId));

    private Task RedraftAsync() => EditAsync(async actor => await Plans.RedraftConflictsAsync(actor, _planId!.Value));

    private async Task PublishAsync()
    {
        if (_plan is not { } plan)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Territories.Plans.PublishTitle", plan.Plan.Name],
            L["Territories.Plans.PublishConfirm", plan.Moves.Count],
            yesText: L["Territories.Plans.Publish"],
            cancelText: L["Territories.Cancel"]);
        if (confirmed == true)
        {
            await EditAsync(async actor => await Plans.PublishAsync(actor, plan.Plan.Id));
        }
    }

    private async Task EditAsync(Func<Actor, Task<PlanOutcome>> edit)
    {
        _busy = true;
        try
        {
            var outcome = await edit(await CurrentActor.GetAsync());
            _conflicts = outcome.Status == PlanStatus.Conflict ? outcome.Conflicts : null;
            Report(outcome);
        }
        finally
        {
            _busy = false;
            await ReloadAsync();
        }
    }

    private bool Report(PlanOutcome outcome)
    {
        switch (outcome.Status)
        {
            case PlanStatus.Ok when outcome.Applied > 0:
                Snackbar.Add(L["Territories.Plans.Published", outcome.Applied], Severity.Success);
                break;
            case PlanStatus.Ok:
                break;
            case PlanStatus.Conflict:
                Snackbar.Add(L["Territories.Plans.Conflicts", outcome.Conflicts!.Count], Severity.Warning);
                break;
            case PlanStatus.Forbidden:
                Snackbar.Add(L["Territories.Plans.Forbidden"], Severity.Warning);
                break;
            default:
                Snackbar.Add(L["Territories.Plans.Invalid"], Severity.Warning);
                break;
        }

        return outcome.Succeeded;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Territories;
using SalesOps.Web.Auth;
using SalesOps.Web.Live;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Territories;

/// <summary>
/// The live territory board. Filter and band live in the URL (shareable); every account move and deal change
/// anywhere refreshes it through the live bus; moves are saved by <see cref="TerritoryService"/>, which checks rights
/// and versions, and a card only ever shows the territory the database says it is in.
/// </summary>
public sealed partial class TerritoryBoardPage : LivePage
{
    private readonly Dictionary<int, int> _cardsPerTerritory = [];
    private readonly HashSet<int> _saving = [];
    private Actor? _actor;
    private TerritoryFilter _filter = TerritoryFilter.Default;
    private decimal _band = TerritoryBalance.DefaultBandPercent;
    private TerritoryBoard? _board;
    private TerritoryBoard? _renderedBoard;
    private TerritoryChoices? _choices;
    private UncoveredAccounts? _uncovered;
    private MudDropContainer<AccountCard>? _container;
    private int? _planId;
    private PlanEvaluation? _plan;
    private bool _canEditPlan;

    [Inject] private TerritoryBoardService Board { get; set; } = default!;
    [Inject] private AccountMoveFlow MoveFlow { get; set; } = default!;
    [Inject] private TerritoryRuleService Rules { get; set; } = default!;
    [Inject] private TerritoryPlanService Plans { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // Query values arrive as text and are parsed leniently: a mangled shared link shows a board, not an error.
    [SupplyParameterFromQuery(Name = "q")] private string? Query { get; set; }
    [SupplyParameterFromQuery(Name = "region")] private string? Region { get; set; }
    [SupplyParameterFromQuery(Name = "industry")] private string? Industry { get; set; }
    [SupplyParameterFromQuery(Name = "potential")] private string? Potential { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] private string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "band")] private string? Band { get; set; }

    /// <summary>A what-if plan to show and edit instead of the live assignment (<c>/territories?plan=3</c>).</summary>
    [SupplyParameterFromQuery(Name = "plan")] private string? PlanParameter { get; set; }

    /// <summary>Showing a draft plan: moves go into it, and nothing live changes.</summary>
    private bool InDraft => _plan is { IsDraft: true };

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _choices = await Board.ChoicesAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = TerritoryFilterQuery.FromQuery(Query, Region, Industry, Potential, Sort);
        var band = decimal.TryParse(Band, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var b) ? Math.Clamp(b, 0, 100) : TerritoryBalance.DefaultBandPercent;
        var planId = int.TryParse(PlanParameter, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        if (_board is null || filter != _filter || band != _band || planId != _planId)
        {
            _filter = filter;
            _band = band;
            _planId = planId;
            _cardsPerTerritory.Clear();
            await ReloadAsync();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_container is not null && _renderedBoard != _board)
        {
            // The drop zones cache their items; a new board must be pushed into them.
            _renderedBoard = _board;
            _container.Refresh();
        }
    }

    // Every territory is on every board, so any move or deal change may change a column's figures; a draft's board
    // also follows its plan's edits (from another tab, the map or the plans page).
    protected override bool Shows(LiveEvent liveEvent) =>
        liveEvent.Kind is LiveEventKinds.AccountMoved or LiveEventKinds.AccountCreated or LiveEventKinds.TerritoryChanged or LiveEventKinds.DealCreated or LiveEventKinds.DealUpdated or LiveEventKinds.DealStageChanged
        || (liveEvent.Kind == LiveEventKinds.TerritoryPlanChanged && liveEvent.EntityId == _planId);

    protected override async Task LoadAsync()
    {
        // "Won in the last 12 months" counts back from the user's today.
        _plan = _planId is { } planId ? await Plans.EvaluateAsync(planId, Clock.Today, _band) : null;
        _canEditPlan = _plan is { } plan && TerritoryPlanService.CanEdit(_actor!, plan.Plan.Status, plan.Plan.CreatedBy);
        _board = await Board.LoadAsync(_actor!, _filter, Clock.Today, _band, _cardsPerTerritory, InDraft ? _plan!.Placement() : null);
        _uncovered = await Rules.UncoveredAsync();
    }

    private Task ApplyFilterAsync(TerritoryFilter filter)
    {
        NavigateTo(filter, _band);
        return Task.CompletedTask;
    }

    private Task SetBandAsync(decimal band)
    {
        NavigateTo(_filter, Math.Clamp(band, 0, 100));
        return Task.CompletedTask;
    }

    private void NavigateTo(TerritoryFilter filter, decimal band)
    {
        var query = new Dictionary<string, object?>(TerritoryFilterQuery.ToQuery(filter))
        {
            ["band"] = band == TerritoryBalance.DefaultBandPercent ? null : band.ToString(CultureInfo.InvariantCulture),
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query), replace: true);
    }

    private async Task ShowMoreAsync(int territoryId)
    {
        _cardsPerTerritory[territoryId] = _cardsPerTerritory.GetValueOrDefault(territoryId, TerritoryBoardService.PageSize) + TerritoryBoardService.PageSize;
        await ReloadAsync();
    }

    private TerritoryColumn? ColumnOf(AccountCard card) => _board?.Columns.FirstOrDefault(c => c.Id == card.TerritoryId);

    private bool CanMove(AccountCard card) => ColumnOf(card)?.CanEdit == true && !_saving.Contains(card.Id) && (!InDraft || _canEditPlan);

    private List<TerritoryColumn> TargetsFor(AccountCard card) =>
        CanMove(card) ? _board!.Columns.Where(c => c.CanEdit && c.Id != card.TerritoryId).ToList() : [];

    // Every column takes the drop, so a drop the user may not make is answered with why rather than ignored.
    private async Task OnDroppedAsync(MudItemDropInfo<AccountCard> drop)
    {
        var target = _board?.Columns.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == drop.DropzoneIdentifier);
        if (target is null)
        {
            return;
        }

        await MoveAsync(drop.Item!, target);
    }

    private Task OnMoveToAsync((AccountCard Card, TerritoryColumn Target) move) => MoveAsync(move.Card, move.Target);

    private async Task MoveAsync(AccountCard card, TerritoryColumn target)
    {
        _saving.Add(card.Id);
        try
        {
            var to = new MoveTarget(target.Id, target.Name, target.CanEdit);
            var moved = InDraft
                ? await MoveFlow.PlanMoveAsync(_plan!.Plan.Id, card.Id, card.Name, card.TerritoryId, to)
                : await MoveFlow.MoveAsync(card.Id, card.Name, card.Version, card.TerritoryId, to) is not null;
            if (!moved)
            {
                _container?.Refresh();
            }
        }
        finally
        {
            _saving.Remove(card.Id);
            // The truth comes from the database either way: moved, or back where it was.
            await ReloadAsync();
        }
    }

    // The suggestion becomes a draft what-if plan, with each move's explanation as its note.
    private async Task OpenAsPlanAsync(BalancePlan plan)
    {
        var name = L["Territories.Plans.Suggested", Clock.Now.ToString("g", CultureInfo.CurrentCulture)].Value;
        var moves = plan.Moves.Select(m => new PlannedMove(m.AccountId, m.ToTerritoryId, BalanceMoveText.Describe(L, m))).ToList();
        var outcome = await Plans.CreateAsync(await CurrentActor.GetAsync(), name, moves);
        if (outcome.Succeeded)
        {
            Navigation.NavigateTo($"territories/plans?plan={outcome.PlanId}");
        }
        else
        {
            Snackbar.Add(outcome.Message ?? "", Severity.Warning);
        }
    }
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Pipeline;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Live;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Pipeline;

/// <summary>
/// The live pipeline board. The filter lives in the URL (shareable) and in the browser (remembered); every
/// deal change anywhere refreshes the board through the live bus; moves are saved by <see cref="DealService"/>,
/// which checks rights and versions, and a card only ever shows the stage the database says it is in.
/// </summary>
public sealed partial class PipelinePage : LivePage
{
    private readonly Dictionary<int, int> _cardsPerStage = [];
    private Dictionary<int, CardSort> _sorts = [];
    private readonly HashSet<int> _saving = [];
    private Actor? _actor;
    private BoardFilter _filter = BoardFilter.Default;
    private Board? _board;
    private Board? _renderedBoard;
    private BoardChoices? _choices;
    private MudDropContainer<DealCard>? _container;
    private bool _drawerOpen;
    private int? _drawerDealId;

    [Inject] private PipelineBoardService Board { get; set; } = default!;
    [Inject] private DealService Deals { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private StageCatalog Stages { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private BoardFilterMemory FilterMemory { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private MoneyFormat Money { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    // Query values arrive as text and are parsed leniently: a mangled shared link shows a board, not an error.
    [SupplyParameterFromQuery(Name = "team")] private string? Team { get; set; }
    [SupplyParameterFromQuery(Name = "rep")] private string? Rep { get; set; }
    [SupplyParameterFromQuery(Name = "territory")] private string? Territory { get; set; }
    [SupplyParameterFromQuery(Name = "product")] private string? Product { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] private string? Channel { get; set; }
    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }
    [SupplyParameterFromQuery(Name = "min")] private string? Min { get; set; }
    [SupplyParameterFromQuery(Name = "max")] private string? Max { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? Query { get; set; }
    [SupplyParameterFromQuery(Name = "closed")] private string? Closed { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _choices = await Board.ChoicesAsync(_actor);
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = BoardFilterQuery.FromQuery(Team, Rep, Territory, Product, Channel, From, To, Min, Max, Query, Closed);
        if (_board is null || filter != _filter)
        {
            _filter = filter;
            _cardsPerStage.Clear();
            await ReloadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_container is not null && _renderedBoard != _board)
        {
            // The drop zones cache their items; a new board must be pushed into them.
            _renderedBoard = _board;
            _container.Refresh();
        }

        if (_focusCard is { } cardId)
        {
            // After the render that removed the drawer's focus trap: disposing it hands the focus back to the element
            // it came from, which a move has re-drawn in another column, so the focus would be lost to the page.
            _focusCard = null;
            await JS.InvokeVoidAsync("salesOpsUx.focus", $"article[data-deal-id='{cardId}']");
        }
        else if (_focusDrawer && _drawerOpen)
        {
            // The drawer's fields load after it opens, so its own container takes the focus; Tab then walks the fields.
            _focusDrawer = false;
            await JS.InvokeVoidAsync("salesOpsUx.focus", ".drawer-keys");
        }
        else if (_drawerOpen)
        {
            await JS.InvokeVoidAsync("salesOpsUx.keepFocus", ".drawer-keys");
        }

        if (!firstRender)
        {
            return;
        }

        // Each column's sort as this browser left it.
        if (await FilterMemory.LoadSortsAsync() is { Count: > 0 } sorts)
        {
            _sorts = sorts;
            await ReloadAsync();
        }

        // A plain /pipeline opens the filter this browser used last; a link with a filter shows that filter.
        if (_filter.IsDefault && await FilterMemory.LoadAsync() is { IsDefault: false } remembered)
        {
            NavigateTo(remembered);
        }
    }

    protected override bool Shows(LiveEvent liveEvent) =>
        liveEvent.EntityId is not null && _actor!.DealScope.Includes(liveEvent.RepId ?? -1, liveEvent.TeamId ?? -1);

    protected override async Task LoadAsync()
    {
        _board = await Board.LoadAsync(_actor!, _filter, Clock.Today, _cardsPerStage, _sorts);
    }

    private async Task ApplyFilterAsync(BoardFilter filter)
    {
        await FilterMemory.SaveAsync(filter);
        NavigateTo(filter);
    }

    private void NavigateTo(BoardFilter filter) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(BoardFilterQuery.ToQuery(filter)), replace: true);

    /// <summary>A rep's own board does not repeat their name on every card.</summary>
    private bool ShowOwner => _actor?.DealScope.RepId is null;

    /// <summary>Something narrows the board and nothing matches: say so instead of six empty columns.</summary>
    private bool NoMatch => _board is not null && _filter.Search is not null && _board.Columns.All(c => c.Totals.Count == 0);

    private CardSort SortOf(int stageId) => _sorts.GetValueOrDefault(stageId, CardSort.LastMoved);

    private async Task SortAsync(int stageId, CardSort sort)
    {
        _sorts[stageId] = sort;
        _cardsPerStage.Remove(stageId);
        await FilterMemory.SaveSortsAsync(_sorts);
        await ReloadAsync();
    }

    private async Task ShowMoreAsync(int stageId)
    {
        _cardsPerStage[stageId] = _cardsPerStage.GetValueOrDefault(stageId, PipelineBoardService.PageSize) + PipelineBoardService.PageSize;
        await ReloadAsync();
    }

    private bool CanMove(DealCard card) => _actor?.CanChangeDeal(card.OwnerRepId, card.TeamId) == true && !_saving.Contains(card.Id);

    /// <summary>Every other stage, for a deal the viewer may move ("Move to…"); none for a read-only viewer.</summary>
    private List<Stage> TargetsFor(DealCard card) =>
        _board is not null && _actor?.CanChangeDeal(card.OwnerRepId, card.TeamId) == true
            ? _board.Columns.Select(c => c.Stage).Where(s => s.Id != card.StageId).ToList()
            : [];

    private async Task OnDroppedAsync(MudItemDropInfo<DealCard> drop)
    {
        if (!int.TryParse(drop.DropzoneIdentifier, out var stageId) || Stages.Find(stageId) is not { } target)
        {
            return;
        }

        if (!await MoveToStageAsync(drop.Item!, target))
        {
            _container?.Refresh();
        }
    }

    /// <summary>The keyboard's drag: the same move, and the focus follows the card into its new column.</summary>
    private async Task OnMoveToAsync((DealCard Card, Stage Target) move)
    {
        await MoveToStageAsync(move.Card, move.Target);
        _focusCard = move.Card.Id;
    }

    /// <summary>
    /// Moves a card to a stage as a drop does: Won and Lost first ask for the close details; the move is versioned
    /// and offers Undo. False when nothing was sent (same stage, or the close was cancelled).
    /// </summary>
    private async Task<bool> MoveToStageAsync(DealCard card, Stage target)
    {
        if (target.Id == card.StageId)
        {
            return false;
        }

        var change = new DealChange(Version: card.Version, Stage: target.Name);
        if (target.IsClosed)
        {
            var dialog = await Dialogs.ShowAsync<CloseDealDialog>(
                target.IsWon ? L["Pipeline.MarkWon"] : L["Pipeline.MarkLost"],
                new DialogParameters<CloseDealDialog> { { d => d.Deal, card }, { d => d.Won, target.IsWon } });
            if (await dialog.Result is not { Canceled: false, Data: CloseDealDialog.CloseDetails details })
            {
                return false;
            }

            change = change with { Amount = details.Amount, ClosedOn = details.ClosedOn, LostReason = details.LostReason };
        }

        // Undo puts back the stage and whatever the close asked for; it is versioned like any move, so it never
        // overwrites a change someone made in between.
        var from = Stages.Find(card.StageId)!;
        var undo = new DealChange(Stage: from.Name, Amount: change.Amount is null ? null : card.Amount,
            ClosedOn: from.IsClosed ? card.ClosedOn : null);
        await MoveAsync(card, change, undo);
        return true;
    }

    private void OfferUndo(DealCard card, int version, string to, DealChange undo)
    {
        Snackbar.Add(L["Pipeline.Moved", card.Name, L.Stage(to)], Severity.Normal, options =>
        {
            options.Action = L["Pipeline.Undo"];
            options.ActionColor = Color.Primary;
            options.VisibleStateDuration = 8000;
            options.OnClick = async _ =>
            {
                await InvokeAsync(() => MoveAsync(card with { Version = version }, undo with { Version = version }));
            };
        }, key: $"moved-{card.Id}-{version}");
    }

    /// <param name="undo">What puts the deal back (null when this move is itself an undo).</param>
    private async Task MoveAsync(DealCard card, DealChange change, DealChange? undo = null)
    {
        _saving.Add(card.Id);
        StateHasChanged();
        try
        {
            var outcome = await Deals.ChangeAsync(await CurrentActor.GetAsync(), card.Id, change);
            if (!outcome.Succeeded)
            {
                Snackbar.Add(DealOutcomeText.Describe(L, outcome), Severity.Warning);
            }
            else if (undo is not null && outcome.Deal is { } moved)
            {
                OfferUndo(card, moved.Version, moved.Stage, undo);
            }
        }
        finally
        {
            _saving.Remove(card.Id);
            // The truth comes from the database either way: moved, or back where it was.
            await ReloadAsync();
        }
    }

    /// <summary>Phones show one column at a time: a stage tab scrolls its column into view.</summary>
    private async Task RevealColumnAsync(int stageId) =>
        await JS.InvokeVoidAsync("salesOpsUx.reveal", $"section[data-stage-id='{stageId}']");

    private void OpenDrawer(DealCard card)
    {
        _drawerDealId = card.Id;
        _drawerOpen = true;
        _focusDrawer = true;
    }

    /// <summary>Set when the drawer opens: once it is drawn, the keyboard focus moves into it.</summary>
    private bool _focusDrawer;

    /// <summary>Set when the drawer closes: the card whose drawer it was gets the keyboard focus back.</summary>
    private int? _focusCard;

    private Task DrawerKeyDownAsync(KeyboardEventArgs e) => e.Key == "Escape" ? CloseDrawerAsync() : Task.CompletedTask;

    private Task OnDrawerOpenChangedAsync(bool open) => open ? Task.CompletedTask : CloseDrawerAsync();

    /// <summary>Closes the drawer; once it is drawn closed, the keyboard focus goes back to the card it was opened from.</summary>
    private Task CloseDrawerAsync()
    {
        _drawerOpen = false;
        _focusCard = _drawerDealId;
        StateHasChanged();
        return Task.CompletedTask;
    }
}

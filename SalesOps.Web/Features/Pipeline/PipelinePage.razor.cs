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

        if (!firstRender)
        {
            return;
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
        _board = await Board.LoadAsync(_actor!, _filter, Clock.Today, _cardsPerStage);
    }

    private async Task ApplyFilterAsync(BoardFilter filter)
    {
        await FilterMemory.SaveAsync(filter);
        NavigateTo(filter);
    }

    private void NavigateTo(BoardFilter filter) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(BoardFilterQuery.ToQuery(filter)), replace: true);

    private async Task ShowMoreAsync(int stageId)
    {
        _cardsPerStage[stageId] = _cardsPerStage.GetValueOrDefault(stageId, PipelineBoardService.PageSize) + PipelineBoardService.PageSize;
        await ReloadAsync();
    }

    private bool CanMove(DealCard card) => _actor?.CanChangeDeal(card.OwnerRepId, card.TeamId) == true && !_saving.Contains(card.Id);

    private async Task OnDroppedAsync(MudItemDropInfo<DealCard> drop)
    {
        var card = drop.Item!;
        if (!int.TryParse(drop.DropzoneIdentifier, out var stageId) || Stages.Find(stageId) is not { } target || target.Id == card.StageId)
        {
            return;
        }

        var change = new DealChange(Version: card.Version, Stage: target.Name);
        if (target.IsClosed)
        {
            var dialog = await Dialogs.ShowAsync<CloseDealDialog>(
                target.IsWon ? L["Pipeline.MarkWon"] : L["Pipeline.MarkLost"],
                new DialogParameters<CloseDealDialog> { { d => d.Deal, card }, { d => d.Won, target.IsWon } });
            if (await dialog.Result is not { Canceled: false, Data: CloseDealDialog.CloseDetails details })
            {
                _container?.Refresh();
                return;
            }

            change = change with { Amount = details.Amount, ClosedOn = details.ClosedOn, LostReason = details.LostReason };
        }

        await MoveAsync(card, change);
    }

    private async Task MoveAsync(DealCard card, DealChange change)
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
    }

    private Task DrawerKeyDownAsync(KeyboardEventArgs e) => e.Key == "Escape" ? CloseDrawerAsync() : Task.CompletedTask;

    private Task OnDrawerOpenChangedAsync(bool open) => open ? Task.CompletedTask : CloseDrawerAsync();

    /// <summary>Closes the drawer and puts the keyboard focus back on the card it was opened from.</summary>
    private async Task CloseDrawerAsync()
    {
        _drawerOpen = false;
        StateHasChanged();
        if (_drawerDealId is { } id)
        {
            try
            {
                await JS.InvokeVoidAsync("salesOpsUx.focus", $"article[data-deal-id='{id}']");
            }
            catch (JSDisconnectedException)
            {
                // The browser has gone; nothing to focus.
            }
        }
    }
}

using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Web.Auth;
using SalesOps.Web.Live;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Screens;

/// <summary>
/// Ops, managers and admins build wall screens here: the list, the playlist editor (with a 1080p/4K preview),
/// display links (shown once; revoke or replace), and the fleet of open displays. Every action is re-checked by
/// <see cref="ScreenService"/> against the signed-in actor.
/// </summary>
public sealed partial class ScreensPage : IDisposable
{
    private IReadOnlyList<ScreenSummary> _screens = [];
    private ScreenChoices _choices = ScreenChoices.Empty;
    private ScreenDraft? _editing;
    private string? _issued;
    private string? _error;
    private bool _canReload;
    private LiveEventBus.LiveSubscription? _subscription;

    [Inject] private ScreenService Screens { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private LiveEventBus Bus { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private UserClock Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _canReload = ScreenAccess.CanReload(actor);
        _choices = await Screens.ChoicesAsync(actor);
        await LoadAsync();
        if (RendererInfo.IsInteractive)
        {
            // Another editor's change (or a revocation) shows here too.
            _subscription = Bus.Subscribe(_ => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), e => e.Kind == ScreenEvents.Changed);
        }
    }

    private async Task LoadAsync() => _screens = await Screens.ListAsync(await CurrentActor.GetAsync());

    private string Absolute(string relative) => Navigation.ToAbsoluteUri(relative).ToString();

    private void StartNew()
    {
        _error = null;
        _editing = new ScreenDraft(0, 0, new ScreenSpec("", ScreenTheme.Dark, [new SlideSpec(SlideKind.Kpis, ScreenRules.DefaultSeconds)]));
    }

    private async Task EditAsync(int id)
    {
        _error = null;
        _editing = await Screens.GetAsync(await CurrentActor.GetAsync(), id);
        _error = _editing is null ? ScreenService.NotFound : null;
    }

    private async Task SaveAsync(ScreenDraft draft)
    {
        var actor = await CurrentActor.GetAsync();
        var result = draft.Id == 0
            ? await Screens.CreateAsync(actor, draft.Spec)
            : await Screens.UpdateAsync(actor, draft.Id, draft.Version, draft.Spec);
        Show(result);
        if (result.Succeeded)
        {
            _editing = null;
            Snackbar.Add(L["Screens.Saved"], Severity.Success);
        }
    }

    private async Task RegenerateAsync(int id) => Show(await Screens.RegenerateAsync(await CurrentActor.GetAsync(), id));

    private async Task RevokeAsync(int id)
    {
        if (Show(await Screens.RevokeAsync(await CurrentActor.GetAsync(), id)))
        {
            Snackbar.Add(L["Screens.Revoked"], Severity.Info);
        }
    }

    private async Task DeleteAsync(int id)
    {
        if (Show(await Screens.DeleteAsync(await CurrentActor.GetAsync(), id)))
        {
            Snackbar.Add(L["Screens.Deleted"], Severity.Info);
        }
    }

    private bool Show(ScreenResult result)
    {
        _error = result.Error;
        if (result.Token is { } token)
        {
            _issued = "display/" + token;
        }

        return result.Succeeded;
    }

    public void Dispose() => _subscription?.Dispose();
}

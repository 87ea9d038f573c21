using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Auth;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Data;

/// <summary>
/// /data/hygiene: counts of what needs fixing, a score per rep and team, the deals behind each issue (drawer or
/// filtered board) and the certain one-click fixes. Follows the bus: any deal change, import or fix re-reads it.
/// </summary>
public sealed partial class HygienePage : LivePage
{
    public const string HygieneRoles = $"{Roles.Analyst},{Roles.VP},{Roles.Admin},{Roles.Manager}";

    private Actor? _actor;
    private HygieneReport? _report;
    private bool _fixing;
    private bool _drawerOpen;
    private int? _drawerDealId;

    [Inject] private HygieneService Hygiene { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        await ReloadAsync();
    }

    protected override bool Shows(LiveEvent liveEvent) =>
        liveEvent.Kind is HygieneService.FixedKind or ImportService.ImportedKind
        || liveEvent.EntityId is not null && _actor!.DealScope.Includes(liveEvent.RepId ?? -1, liveEvent.TeamId ?? -1);

    protected override async Task LoadAsync() => _report = await Hygiene.ReportAsync(_actor!, CancellationToken.None);

    private int Count(HygieneIssue issue) => issue switch
    {
        HygieneIssue.PastDue => _report!.Counts.PastDue,
        HygieneIssue.NoAmount => _report!.Counts.NoAmount,
        HygieneIssue.NoAccount => _report!.Counts.NoAccount,
        _ => _report!.Counts.Stale,
    };

    /// <summary>The board shows past-due deals by their expected close; the other issues are not board filters, so the list is the way in.</summary>
    private string? BoardHref(HygieneIssue issue) => issue == HygieneIssue.PastDue
        ? "pipeline?to=" + Clock.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : null;

    private Task MergeAsync(AccountMerge merge) => FixAsync(() => Hygiene.MergeAccountsAsync(_actor!, merge, CancellationToken.None), "Hygiene.Merged");

    private Task MapAsync(ProductMatch match) => FixAsync(() => Hygiene.MapProductAsync(_actor!, match, CancellationToken.None), "Hygiene.Mapped");

    private async Task FixAsync(Func<Task<HygieneFixOutcome>> fix, string doneKey)
    {
        _fixing = true;
        try
        {
            var outcome = await fix();
            Snackbar.Add(L[outcome == HygieneFixOutcome.Fixed ? doneKey : "Hygiene." + outcome],
                outcome == HygieneFixOutcome.Fixed ? Severity.Success : Severity.Warning);
            await ReloadAsync();
        }
        catch (UnauthorizedAccessException)
        {
            Snackbar.Add(L["Hygiene.NotAllowed"], Severity.Error);
        }
        finally
        {
            _fixing = false;
        }
    }

    private void OpenDrawer(int dealId)
    {
        _drawerDealId = dealId;
        _drawerOpen = true;
    }

    private void CloseDrawer() => _drawerOpen = false;

    private void OnDrawerOpenChanged(bool open) => _drawerOpen = open;

    private void DrawerKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            CloseDrawer();
        }
    }
}

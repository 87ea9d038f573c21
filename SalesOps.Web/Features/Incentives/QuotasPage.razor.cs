using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Incentives;
using SalesOps.Web.Auth;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Incentives;

/// <summary>
/// The quota grid: a year's quarters for the reps the user manages, team roll-ups, bulk edit and CSV in and out.
/// Edits stay drafts until saved; a save or an import is all-or-nothing and the service checks every row again.
/// </summary>
public sealed partial class QuotasPage
{
    public enum BulkMode { Set, RaisePercent }

    private readonly Dictionary<(int RepId, int Quarter), string> _drafts = [];
    private readonly HashSet<int> _selected = [];
    private IReadOnlyList<QuotaError> _errors = [];
    private QuotaGrid? _grid;
    private Actor? _actor;
    private int _year;
    private bool _refused;
    private bool _saving;
    private int _bulkQuarter = -1;
    private BulkMode _bulkMode;
    private decimal _bulkValue;

    [Inject] private QuotaService Quotas { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private MoneyFormat Money { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IEnumerable<int> Years => Enumerable.Range(Clock.Today.Year - 2, 4);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _year = Clock.Today.Year;
        await ReloadAsync();
    }

    // Quotas of the reps on the grid; a grid that has drafts keeps them over the new values.
    protected override bool Shows(LiveEvent liveEvent) =>
        liveEvent.Kind == IncentiveEvents.QuotaChanged && (_actor?.Role != Roles.Manager || liveEvent.TeamId == _actor.TeamId);

    protected override async Task LoadAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _grid = await Quotas.GridAsync(actor, _year);
        _refused = _grid is null;
    }

    private async Task ChangeYearAsync(int year)
    {
        _year = year;
        _drafts.Clear();
        _errors = [];
        await ReloadAsync();
    }

    private string CellText(QuotaGridRep rep, int quarter) =>
        _drafts.TryGetValue((rep.RepId, quarter), out var draft) ? draft
        : rep.Amounts[quarter] is { } amount ? amount.ToString("0.##", CultureInfo.InvariantCulture) : "";

    private void Edit(QuotaGridRep rep, int quarter, string? text)
    {
        text = text?.Trim() ?? "";
        var stored = rep.Amounts[quarter] is { } amount ? amount.ToString("0.##", CultureInfo.InvariantCulture) : "";
        if (text == stored || (Parse(text) is { } value && value == rep.Amounts[quarter]))
        {
            _drafts.Remove((rep.RepId, quarter));
        }
        else
        {
            _drafts[(rep.RepId, quarter)] = text;
        }
    }

    private void Select(int repId, bool selected)
    {
        if (selected)
        {
            _selected.Add(repId);
        }
        else
        {
            _selected.Remove(repId);
        }
    }

    private void SelectTeam(QuotaGridTeam team, bool selected)
    {
        foreach (var rep in team.Reps)
        {
            Select(rep.RepId, selected);
        }
    }

    /// <summary>Sets, or raises by a percentage, the chosen quarter(s) of every selected rep (as drafts, to the cent).</summary>
    private void ApplyBulk()
    {
        foreach (var team in _grid!.Teams.Where(t => t.CanEdit))
        {
            foreach (var rep in team.Reps.Where(r => _selected.Contains(r.RepId)))
            {
                foreach (var q in _bulkQuarter < 0 ? Enumerable.Range(0, 4) : [_bulkQuarter])
                {
                    var current = Parse(CellText(rep, q)) ?? 0;
                    var value = _bulkMode == BulkMode.Set ? _bulkValue : decimal.Round(current * (1 + _bulkValue / 100), 2, MidpointRounding.AwayFromZero);
                    Edit(rep, q, value.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private async Task SaveAsync()
    {
        var edits = new List<QuotaEdit>();
        var local = new List<QuotaError>();
        foreach (var ((repId, q), text) in _drafts)
        {
            var key = QuotaRules.KeyOf(_grid!.Quarters[q]);
            var row = edits.Count + local.Count + 1;
            if (Parse(text) is { } amount)
            {
                edits.Add(new QuotaEdit(row, repId, key, amount));
            }
            else
            {
                local.Add(new QuotaError(row, "amount", L["Quotas.NotANumber", text]) { RepId = repId, Quarter = key });
            }
        }

        if (local.Count > 0)
        {
            _errors = local;
            return;
        }

        _saving = true;
        var result = await Quotas.SaveAsync(await CurrentActor.GetAsync(), edits);
        _saving = false;
        _errors = result.Errors;
        if (result.Succeeded)
        {
            _drafts.Clear();
            Snackbar.Add(L["Quotas.Saved", result.Changed], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        if (file.Size > QuotaCsv.MaxBytes)
        {
            _errors = [new QuotaError(0, "file", L["Quotas.TooLarge", QuotaCsv.MaxBytes / 1024])];
            return;
        }

        using var reader = new StreamReader(file.OpenReadStream(QuotaCsv.MaxBytes));
        var (edits, errors) = QuotaCsv.Read(new StringReader(await reader.ReadToEndAsync()));
        var result = errors.Count > 0 ? QuotaSaveResult.Refused([.. errors]) : await Quotas.SaveAsync(await CurrentActor.GetAsync(), edits);
        _errors = result.Errors;
        if (result.Succeeded)
        {
            Snackbar.Add(L["Quotas.Imported", edits.Count, result.Changed], Severity.Success);
            await ReloadAsync();
        }
    }

    private decimal TeamTotal(QuotaGridTeam team, int quarter) => team.Reps.Sum(r => Parse(CellText(r, quarter)) ?? 0);

    private string? ErrorOf(int repId, string quarter) =>
        _errors.FirstOrDefault(e => e.RepId == repId && string.Equals(e.Quarter, quarter, StringComparison.OrdinalIgnoreCase)) is { } error
            ? $"{L["Quotas.Field." + error.Field]}: {error.Message}"
            : null;

    private string DescribeError(QuotaError error) =>
        error.Row > 0
            ? L["Quotas.ErrorLine", error.Row, L["Quotas.Field." + error.Field], error.Message]
            : $"{L["Quotas.Field." + error.Field]}: {error.Message}";

    private static decimal? Parse(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value : null;
}

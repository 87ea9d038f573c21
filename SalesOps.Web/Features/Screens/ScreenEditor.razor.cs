using System.Globalization;
using Microsoft.AspNetCore.Components;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Screens;

public sealed partial class ScreenEditor
{
    /// <summary>
    /// How wide the preview is drawn on a wide page; the frame inside is a real 1920×1080 or 3840×2160 box, scaled. On
    /// a narrower page the stylesheet scales it to the box it gets (<c>100cqw / --tv-width</c>).
    /// </summary>
    private const double PreviewWidth = 640;

    private string _name = "";
    private ScreenTheme _theme;
    private List<SlideRow> _slides = [];
    private SlideData? _preview;
    private int _previewIndex;
    private int _previewHeight = 1080;

    /// <summary>The screen being edited; id 0 for a new one.</summary>
    [Parameter, EditorRequired] public ScreenDraft Draft { get; set; } = default!;

    [Parameter, EditorRequired] public ScreenChoices Choices { get; set; } = default!;

    [Parameter] public EventCallback<ScreenDraft> OnSave { get; set; }

    [Parameter] public EventCallback OnCancel { get; set; }

    [Inject] private SlideDataCache SlideData { get; set; } = default!;
    [Inject] private UserClock Clock { get; set; } = default!;

    private string FrameStyle
    {
        get
        {
            var height = _previewHeight;
            var width = height * 16 / 9;
            return string.Create(CultureInfo.InvariantCulture, $"width: {width}px; height: {height}px; --tv-width: {width}px; --preview-scale: {PreviewWidth / width:0.####}");
        }
    }

    protected override void OnParametersSet()
    {
        _name = Draft.Spec.Name;
        _theme = Draft.Spec.Theme;
        _slides = Draft.Spec.Slides.Select(SlideRow.From).ToList();
        _preview = null;
    }

    private List<SlideSpec> Specs() => _slides.Select(s => s.ToSpec()).ToList();

    private void Add() => _slides.Add(new SlideRow { Kind = SlideKind.Leaderboard, Seconds = ScreenRules.DefaultSeconds });

    private void Move(int index, int by)
    {
        var target = index + by;
        if (target < 0 || target >= _slides.Count)
        {
            return;
        }

        (_slides[index], _slides[target]) = (_slides[target], _slides[index]);
    }

    private async Task PreviewAsync(int index)
    {
        _previewIndex = index;
        var slide = _slides[index];
        _preview = await SlideData.GetAsync(new SlideKey(slide.Kind, slide.TeamId, slide.TerritoryId, Clock.Today));
    }

    private Task SaveAsync() => OnSave.InvokeAsync(Draft with { Spec = new ScreenSpec(_name, _theme, Specs()) });

    /// <summary>One editable row; becomes a <see cref="SlideSpec"/> when saved (the server checks it again).</summary>
    private sealed class SlideRow
    {
        public SlideKind Kind { get; set; }
        public int Seconds { get; set; }
        public int? TeamId { get; set; }
        public int? TerritoryId { get; set; }
        public string? Text { get; set; }

        public static SlideRow From(SlideSpec spec) => new() { Kind = spec.Kind, Seconds = spec.Seconds, TeamId = spec.TeamId, TerritoryId = spec.TerritoryId, Text = spec.Text };

        public SlideSpec ToSpec() => new(Kind, Seconds, TeamId, TerritoryId, Text);
    }
}

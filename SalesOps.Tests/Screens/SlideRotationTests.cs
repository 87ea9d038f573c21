using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;

namespace SalesOps.Tests.Screens;

public class SlideRotationTests
{
    private static SlideRotation Rotation(params int[] seconds) => new(seconds.Select(s => TimeSpan.FromSeconds(s)).ToList());

    [Fact]
    public void Each_slide_shows_for_its_own_time_then_the_rotation_wraps()
    {
        var rotation = Rotation(10, 5);

        Assert.False(rotation.Elapse(TimeSpan.FromSeconds(9)));
        Assert.Equal(0, rotation.Index);
        Assert.True(rotation.Elapse(TimeSpan.FromSeconds(1)));
        Assert.Equal(1, rotation.Index);
        Assert.Equal(TimeSpan.FromSeconds(5), rotation.Remaining);
        Assert.True(rotation.Elapse(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, rotation.Index);
    }

    [Fact]
    public void A_long_gap_lands_where_the_rotation_would_be()
    {
        var rotation = Rotation(10, 5);

        // 3 whole cycles (45 s) plus 12 s: 10 s on the first slide, 2 s into the second.
        rotation.Elapse(TimeSpan.FromSeconds(57));

        Assert.Equal(1, rotation.Index);
        Assert.Equal(TimeSpan.FromSeconds(3), rotation.Remaining);
    }

    [Fact]
    public void A_pause_keeps_the_slide_and_the_time_it_had_left()
    {
        var rotation = Rotation(10, 5);
        rotation.Elapse(TimeSpan.FromSeconds(4));

        rotation.Pause();
        Assert.False(rotation.Elapse(TimeSpan.FromSeconds(30)));
        rotation.Resume();

        Assert.Equal(0, rotation.Index);
        Assert.Equal(TimeSpan.FromSeconds(6), rotation.Remaining);
    }

    [Fact]
    public void An_edit_keeps_the_current_slide_when_it_still_exists_and_starts_over_when_not()
    {
        var rotation = Rotation(10, 20, 30);
        rotation.Elapse(TimeSpan.FromSeconds(12));
        Assert.Equal(1, rotation.Index);

        rotation.Replace([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)]);
        Assert.Equal(1, rotation.Index);
        Assert.Equal(TimeSpan.FromSeconds(5), rotation.Remaining);

        rotation.Replace([TimeSpan.FromSeconds(7)]);
        Assert.Equal(0, rotation.Index);
        Assert.Equal(TimeSpan.FromSeconds(7), rotation.Remaining);
    }

    [Fact]
    public void An_empty_playlist_or_a_slide_of_no_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rotation());
        Assert.Throws<ArgumentOutOfRangeException>(() => Rotation(5, 0));
    }

    [Theory]
    [InlineData("", 1, 15, "Screens.Error.Name")]
    [InlineData("TV", 0, 15, "Screens.Error.SlideCount")]
    [InlineData("TV", 21, 15, "Screens.Error.SlideCount")]
    [InlineData("TV", 1, 4, "Screens.Error.Seconds")]
    [InlineData("TV", 1, 601, "Screens.Error.Seconds")]
    public void Screen_rules_name_the_first_problem(string name, int slides, int seconds, string problem)
    {
        var spec = new ScreenSpec(name, ScreenTheme.Dark, Enumerable.Repeat(new SlideSpec(SlideKind.Kpis, seconds), slides).ToList());

        Assert.Contains(problem, ScreenRules.Problems(spec));
    }

    [Fact]
    public void A_text_slide_needs_text_of_at_most_280_characters()
    {
        ScreenSpec Spec(string? text) => new("TV", ScreenTheme.Dark, [new SlideSpec(SlideKind.Text, 10, Text: text)]);

        Assert.Contains("Screens.Error.Text", ScreenRules.Problems(Spec(null)));
        Assert.Contains("Screens.Error.Text", ScreenRules.Problems(Spec(new string('x', 281))));
        Assert.Empty(ScreenRules.Problems(Spec("Pizza at 6")));
    }
}

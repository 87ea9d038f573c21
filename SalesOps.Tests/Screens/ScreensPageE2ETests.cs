using Microsoft.Playwright;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Tests.E2E;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Screens;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.Screens;

[Collection(E2EGroup.Name)]
public class ScreensPageE2ETests(E2EFixture fixture)
{
    private static readonly Actor Ops = new("Ana Radu", Roles.Analyst);

    [Fact]
    public async Task An_admin_sees_the_demo_link_the_open_displays_and_reloads_one_and_edits_reach_it_live()
    {
        var screens = fixture.App.Service<ScreenService>();
        var created = await screens.CreateAsync(Ops, new ScreenSpec("E2E fleet", ScreenTheme.Dark, [new SlideSpec(SlideKind.Text, 60, Text: "Hello floor")]));
        var tv = await fixture.NewPageAsync();
        var display = await DisplayPageObject.OpenAsync(tv, created.Token!);
        await tv.EvaluateAsync("() => window.beforeReload = true");

        var admin = await fixture.NewPageAsync();
        await LoginPage.AsAsync(admin, DemoCompany.AdminEmail);
        await admin.GotoAsync("/screens");
        await Expect(admin.GetByTestId("demo-link")).ToHaveAttributeAsync("href", $"display/{DemoScreens.SalesFloorToken}");
        var row = admin.Locator($"tr[data-display-key][data-screen-id='{created.Id}']");
        await Expect(row).ToHaveAttributeAsync("data-online", "true");
        await E2EFixture.ScreenshotAsync(admin, "screens-admin.png");

        // An edit reaches the open display without a reload.
        var draft = (await screens.GetAsync(Ops, created.Id!.Value))!;
        var updated = await screens.UpdateAsync(Ops, draft.Id, draft.Version, draft.Spec with { Slides = [new SlideSpec(SlideKind.PipelineTotals, 60)] });
        Assert.True(updated.Succeeded);
        await Expect(display.Root).ToHaveAttributeAsync("data-slide-kind", "PipelineTotals");
        Assert.True(await tv.EvaluateAsync<bool>("() => window.beforeReload === true"));

        // "Reload" from the fleet view: the TV loads its page afresh.
        await row.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await tv.WaitForFunctionAsync("() => window.beforeReload === undefined");
        await Expect(display.Root).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(display.Root).ToHaveAttributeAsync("data-slide-kind", "PipelineTotals");

        await tv.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_editor_previews_a_slide_as_a_1080p_and_a_4K_tv_draws_it_and_fits_the_screen_in_the_light_theme(int width)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await LoginPage.AsAsync(page, DemoCompany.AnalystEmail);
        await page.GotoAsync("/screens");
        await new HomePage(page).WaitUntilInteractiveAsync();
        await page.GetByTestId("new-screen").ClickAsync();
        var editor = page.GetByTestId("screen-editor");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Preview" }).First.ClickAsync();

        // The frame is laid out at the TV's own size (so type sizes are the TV's), then scaled into the editor.
        var preview = page.GetByTestId("screen-preview");
        await Expect(preview).ToHaveAttributeAsync("data-preview-height", "1080");
        await Expect(preview.Locator(".preview-frame")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex(@"^width: 1920px; height: 1080px;"));
        await Expect(preview.Locator("div.display")).ToHaveAttributeAsync("data-slide-index", "0");
        // MudToggleItem is a checkbox-role button: the chosen size is the checked one.
        var fourK = editor.GetByRole(AriaRole.Checkbox, new() { Name = "4K" });
        await fourK.ClickAsync();
        await Expect(fourK).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(editor.GetByRole(AriaRole.Checkbox, new() { Name = "1080p" })).ToHaveAttributeAsync("aria-checked", "false");
        await Expect(preview).ToHaveAttributeAsync("data-preview-height", "2160");
        await Expect(preview.Locator(".preview-frame")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex(@"^width: 3840px; height: 2160px;"));

        // However wide the editor, the whole TV frame shows in the preview box, neither cut off nor overflowing it.
        var fit = await preview.EvaluateAsync<double[]>("p => [p.getBoundingClientRect().width, p.querySelector('.preview-frame').getBoundingClientRect().width]");
        Assert.InRange(fit[1], fit[0] - 1, fit[0] + 1);

        // The app's own theme stays light (the default); the editor fits the window without a sideways scroll.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"), "the page scrolls sideways");
        await E2EFixture.ScreenshotAsync(page, $"screens-editor-{width}.png", fullPage: true);
        await page.Context.CloseAsync();
    }
}

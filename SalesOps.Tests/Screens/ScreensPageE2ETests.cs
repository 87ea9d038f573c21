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
}

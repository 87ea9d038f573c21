using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Shared.Access;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Auth;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Integration;

/// <summary>Signing out, locking out and demoting end the sessions already open, and only the user's own forms can do it.</summary>
public class SessionEndTests : AppTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    // Every request checks the stamp, so a test need not wait out the default minute.
    protected override void ConfigureApp(IWebHostBuilder builder) =>
        builder.UseSetting("SalesOps:SessionValidationInterval", "00:00:00");

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_the_pipeline_or_the_hub()
    {
        var cookies = new CookieContainer();
        var manager = await SignedInClientAsync(DemoCompany.ManagerEmail, cookies: cookies);
        var copied = Copy(cookies);
        Assert.Equal(HttpStatusCode.OK, (await BrowserClient(Copy(copied)).GetAsync("/pipeline", TestContext.Current.CancellationToken)).StatusCode);

        var signOut = await PostFormAsync(manager, "/account/logout", await AntiforgeryTokenAsync(manager));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var pipeline = await BrowserClient(Copy(copied)).GetAsync("/pipeline", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, pipeline.StatusCode);
        Assert.Equal("/account/login", pipeline.Headers.Location!.AbsolutePath);
        var hub = new HubConnectionBuilder().WithUrl(new Uri(App.BaseAddress, "/hubs/live"), o => o.Cookies = Copy(copied)).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_the_form_token_is_refused()
    {
        var manager = await SignedInClientAsync(DemoCompany.ManagerEmail);

        var signOut = await PostFormAsync(manager, "/account/logout", token: null);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/pipeline", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_language_switch_changes_nothing_on_a_get_or_without_the_form_token()
    {
        var vp = await SignedInClientAsync(DemoCompany.VpEmail);

        var get = await vp.GetAsync("/account/culture?culture=ro-RO&returnUrl=/", TestContext.Current.CancellationToken);
        var tokenless = await PostFormAsync(vp, "/account/culture", token: null, ("culture", "ro-RO"), ("returnUrl", "/"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal("en-US", await QueryAsync(db => db.Users.Where(u => u.Email == DemoCompany.VpEmail).Select(u => u.Culture).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(SignInProtectionTests.ForeignReturnUrls), MemberType = typeof(SignInProtectionTests))]
    public async Task The_language_switch_returns_home_instead_of_to_another_site(string returnUrl)
    {
        var vp = await SignedInClientAsync(DemoCompany.VpEmail);

        var switched = await PostFormAsync(vp, "/account/culture", await AntiforgeryTokenAsync(vp), ("culture", "ro-RO"), ("returnUrl", returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_open_circuit_of_a_user_locked_out_by_an_admin_loses_its_rights()
    {
        await using var circuit = await OpenCircuitAsync(DemoCompany.ManagerEmail);

        await ChangeUserAsync(DemoCompany.ManagerEmail, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));

        await circuit.SignedOut.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_open_circuit_of_a_demoted_user_loses_its_rights()
    {
        await using var circuit = await OpenCircuitAsync(DemoCompany.ManagerEmail);

        await ChangeUserAsync(DemoCompany.ManagerEmail, (users, user) => users.RemoveFromRoleAsync(user, Roles.Manager));

        await circuit.SignedOut.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_open_circuit_of_a_user_deactivated_in_the_admin_grid_loses_its_rights()
    {
        await using var circuit = await OpenCircuitAsync(DemoCompany.ManagerEmail);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<SalesOps.Web.Features.Admin.UserAdminService>();
        var manager = (await users.ListAsync(new Actor("Ada Admin", Roles.Admin))).Single(u => u.Email == DemoCompany.ManagerEmail);

        await users.ChangeAsync(new Actor("Ada Admin", Roles.Admin), manager.Id, new(manager.Role, manager.TeamId, Active: false));

        await circuit.SignedOut.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    private sealed record Circuit(AsyncServiceScope Scope, Task SignedOut) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }

    /// <summary>The authentication state a circuit of <paramref name="email"/> gets from the app, as the circuit host sets it.</summary>
    private async Task<Circuit> OpenCircuitAsync(string email)
    {
        var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var signedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state =>
        {
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                signedOut.TrySetResult();
            }
        };
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        Assert.True((await provider.GetAuthenticationStateAsync()).User.IsInRole(Roles.Manager));
        return new Circuit(scope, signedOut.Task);
    }

    private async Task ChangeUserAsync(string email, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await change(users, (await users.FindByEmailAsync(email))!)).Succeeded);
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string? token, params (string Name, string Value)[] fields)
    {
        var form = fields.ToDictionary(f => f.Name, f => f.Value);
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        return client.PostAsync(path, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    private CookieContainer Copy(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(App.BaseAddress))
        {
            copy.Add(App.BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        return copy;
    }
}

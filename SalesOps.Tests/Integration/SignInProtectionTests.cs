using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Auth;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Integration;

/// <summary>Failed sign-ins tell nothing and let nobody lock anyone else out (default settings).</summary>
public partial class SignInProtectionTests : AppTest
{
    private const string Password = "SalesOps-demo-1";

    // Another computer: any address on the loopback network reaches the app.
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Wrong_passwords_from_one_address_do_not_lock_the_account_for_another()
    {
        for (var i = 0; i < 10; i++)
        {
            var (_, failed) = await PostSignInAsync(DemoCompany.AdminEmail, "wrong-password", from: Attacker);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var (_, attackerWithThePassword) = await PostSignInAsync(DemoCompany.AdminEmail, Password, from: Attacker);
        var (_, admin) = await PostSignInAsync(DemoCompany.AdminEmail, Password);

        Assert.Equal(HttpStatusCode.OK, attackerWithThePassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task Unknown_account_wrong_password_and_locked_account_fail_with_one_message()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(DemoCompany.AnalystEmail))!, DateTimeOffset.MaxValue);
        }

        var unknown = await FailureMessageAsync("nobody@example.com", Password);
        var wrongPassword = await FailureMessageAsync(DemoCompany.RepEmail, "wrong-password");
        var locked = await FailureMessageAsync(DemoCompany.AnalystEmail, Password);

        Assert.StartsWith("Wrong e-mail or password", unknown);
        Assert.Equal(unknown, wrongPassword);
        Assert.Equal(unknown, locked);
    }

    /// <summary>Ways out of the site a return URL can take; a browser drops the tab and reads "\\" as "/".</summary>
    public static readonly TheoryData<string> ForeignReturnUrls = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "/\t/evil.example/"];

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task A_return_url_to_another_site_leads_home(string returnUrl)
    {
        var (_, response) = await PostSignInAsync(DemoCompany.RepEmail, Password, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(App.BaseAddress, "/"), new Uri(App.BaseAddress, response.Headers.Location!));
    }

    [Fact]
    public async Task A_return_url_on_the_site_is_followed()
    {
        var (_, response) = await PostSignInAsync(DemoCompany.RepEmail, Password, returnUrl: "/pipeline?stage=2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(App.BaseAddress, "/pipeline?stage=2"), new Uri(App.BaseAddress, response.Headers.Location!));
    }

    private async Task<string> FailureMessageAsync(string email, string password)
    {
        var (_, response) = await PostSignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(Alert().Match(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value);
    }

    [GeneratedRegex("role=\"alert\"[^>]*>\\s*([^<]*?)\\s*<")]
    private static partial Regex Alert();
}

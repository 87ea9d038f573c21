using System.Net;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Integration;

public class SignInTests : AppTest
{
    [Theory]
    [InlineData(DemoCompany.AdminEmail, "Ada Admin")]
    [InlineData(DemoCompany.VpEmail, "Victoria Popescu")]
    [InlineData(DemoCompany.ManagerEmail, "Mihai Ionescu")]
    [InlineData(DemoCompany.AnalystEmail, "Ana Radu")]
    [InlineData(DemoCompany.RepEmail, "Robert Chen")]
    public async Task Each_demo_user_signs_in_and_lands_on_their_home_dashboard(string email, string name)
    {
        var client = await SignedInClientAsync(email);

        var home = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(name, html);
        Assert.Contains("data-kpi=\"open-pipeline\"", html);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var (client, response) = await PostSignInAsync(DemoCompany.RepEmail, "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong e-mail or password, or too many attempts", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var home = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Every_page_requires_sign_in()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };

        var response = await client.GetAsync("/admin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_rep_is_denied_the_admin_page()
    {
        var client = await SignedInClientAsync(DemoCompany.RepEmail);

        var response = await client.GetAsync("/admin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_sign_in_page_lists_the_demo_users_and_sends_security_headers()
    {
        var response = await new HttpClient { BaseAddress = App.BaseAddress }.GetAsync("/account/login", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains(DemoCompany.ManagerEmail, html);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Choosing_romanian_is_remembered_on_the_user_and_formats_the_dashboard()
    {
        var client = await SignedInClientAsync(DemoCompany.VpEmail);

        var switched = await client.PostAsync("/account/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client),
            ["culture"] = "ro-RO",
            ["returnUrl"] = "/",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("Pipeline deschis", html);
        var fresh = await SignedInClientAsync(DemoCompany.VpEmail);
        Assert.Contains("Pipeline deschis", await fresh.GetStringAsync("/", TestContext.Current.CancellationToken));
    }
}

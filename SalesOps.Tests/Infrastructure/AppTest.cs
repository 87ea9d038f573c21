using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Infrastructure;

/// <summary>
/// Base of the integration tests: each test gets the real app on Kestrel over its own copy of the demo company.
/// </summary>
public abstract partial class AppTest : IAsyncLifetime
{
    private string _directory = "";

    protected SalesOpsAppFactory App { get; private set; } = default!;

    /// <summary>Configuration a test class needs on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        _directory = TestDatabase.NewDirectory();
        var db = await TestDatabase.CopyOfDemoCompanyAsync(_directory);
        App = new SalesOpsAppFactory(db, _directory, settings: Settings);
        App.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow shutdown is left to the OS temp cleaner.
        }

        GC.SuppressFinalize(this);
    }

    protected HttpClient ApiClient(string? apiKey = DemoCompany.IngestKey)
    {
        var client = new HttpClient { BaseAddress = App.BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>A browser-like client signed in through the real sign-in form (antiforgery token and all).</summary>
    protected async Task<HttpClient> SignedInClientAsync(string email, string password = "SalesOps-demo-1", CookieContainer? cookies = null)
    {
        var (client, response) = await PostSignInAsync(email, password, cookies);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Sign-in as {email} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Fills and posts the sign-in form; the client keeps whatever cookie it got.</summary>
    protected async Task<(HttpClient Client, HttpResponseMessage Response)> PostSignInAsync(string email, string password, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = App.BaseAddress };
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        return (client, response);
    }

    protected async Task<T> QueryAsync<T>(Func<SalesOpsDbContext, Task<T>> query)
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<SalesOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>The API's JSON: web defaults with enums as names.</summary>
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

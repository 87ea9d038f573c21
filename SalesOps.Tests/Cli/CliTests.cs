using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Auth;
using SalesOps.Web.Cli;
using SalesOps.Web.Data;

namespace SalesOps.Tests.Cli;

/// <summary>The first-run commands, run in process as <c>SalesOps.Web users add …</c> would run them, on a new SQLite file.</summary>
public class CliTests : IAsyncLifetime
{
    private const string Password = "Acme-first-run-1";
    private readonly string _directory = TestDatabase.NewDirectory();

    private string DatabasePath => Path.Combine(_directory, "company.db");

    [Fact]
    public async Task Users_add_creates_a_user_in_the_role_whose_password_signs_in()
    {
        var run = await RunAsync(["users", "add", "bea@acme.test", "--role", "admin", "--name", "Bea Boss"], Password);

        Assert.Equal(0, run.ExitCode);
        await using var db = Db();
        var user = await db.Users.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("bea@acme.test", "Bea Boss", true), (user.Email, user.DisplayName, user.EmailConfirmed));
        Assert.Equal("role-admin", (await db.UserRoles.SingleAsync(TestContext.Current.CancellationToken)).RoleId);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, Password));
        Assert.Equal(PasswordVerificationResult.Failed, new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, Password + "x"));
    }

    [Fact]
    public async Task At_a_terminal_the_password_is_asked_twice_and_must_match()
    {
        var answers = new Queue<string>([Password, Password, Password, "Other-pass-2"]);
        var asked = new List<string>();
        string? Prompt(string prompt)
        {
            asked.Add(prompt);
            return answers.Dequeue();
        }

        var matching = await RunAsync(["users", "add", "vp@acme.test", "--role", "VP"], password: null, Prompt);
        var differing = await RunAsync(["users", "add", "vp2@acme.test", "--role", "VP"], password: null, Prompt);

        Assert.Equal((0, 2), (matching.ExitCode, differing.ExitCode));
        Assert.Equal(4, asked.Count);
        Assert.Contains("differ", differing.Error);
        await using var db = Db();
        Assert.Equal(["vp@acme.test"], await db.Users.Select(u => u.Email!).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_a_password_or_a_terminal_nothing_is_created_and_the_exit_code_is_2()
    {
        var run = await RunAsync(["users", "add", "bea@acme.test", "--role", "Admin"], password: null);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(UsersAddCommand.PasswordVariable, run.Error);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task A_password_argument_is_refused()
    {
        var run = await RunAsync(["users", "add", "bea@acme.test", "--role", "Admin", "--password", Password], Password);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("never taken as arguments", run.Error);
        Assert.False(File.Exists(DatabasePath));
    }

    [Theory]
    [InlineData("--role Overlord")]
    [InlineData("--role Admin --team west")]
    [InlineData("--role Admin --colour blue")]
    [InlineData("--role")]
    public async Task A_bad_option_is_a_usage_error(string options)
    {
        var run = await RunAsync(["users", "add", "bea@acme.test", .. options.Split(' ')], Password);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("users add <email>", run.Error);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task A_manager_needs_a_team_and_a_rep_an_existing_rep()
    {
        var manager = await RunAsync(["users", "add", "mia@acme.test", "--role", "Manager"], Password);
        var rep = await RunAsync(["users", "add", "rob@acme.test", "--role", "Rep", "--rep", "7"], Password);

        Assert.Equal(2, manager.ExitCode);
        Assert.Equal(1, rep.ExitCode);
        Assert.Contains("no rep 7", rep.Error);
        await using var db = Db();
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_same_email_twice_or_a_weak_password_is_refused_with_exit_code_1()
    {
        var first = await RunAsync(["users", "add", "bea@acme.test", "--role", "Admin"], Password);
        var again = await RunAsync(["users", "add", "BEA@acme.test", "--role", "Analyst"], Password);
        var weak = await RunAsync(["users", "add", "ana@acme.test", "--role", "Analyst"], "short");

        Assert.Equal((0, 1, 1), (first.ExitCode, again.ExitCode, weak.ExitCode));
        Assert.Contains("already taken", again.Error);
        Assert.Contains("at least 8 characters", weak.Error);
        await using var db = Db();
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Apikeys_add_prints_a_working_key_alone_on_the_last_line()
    {
        var run = await RunAsync(["apikeys", "add", "Acme CRM"], password: null);

        Assert.Equal(0, run.ExitCode);
        var key = run.Output.TrimEnd().Split('\n')[^1].TrimEnd('\r');
        Assert.DoesNotContain(' ', key);
        await using var db = Db();
        var stored = await db.ApiKeys.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Acme CRM", ApiKeyHasher.Hash(key), null), (stored.Name, stored.Hash, stored.RevokedAt));
        Assert.Equal("created", (await db.AuditEntries.SingleAsync(TestContext.Current.CancellationToken)).Action);
    }

    [Fact]
    public async Task Apikeys_add_takes_a_scope_and_refuses_teams_that_do_not_exist()
    {
        var reader = await RunAsync(["apikeys", "add", "BI reader", "--access", "read-only"], password: null);
        var unknownTeam = await RunAsync(["apikeys", "add", "Team CRM", "--teams", "7"], password: null);
        var badAccess = await RunAsync(["apikeys", "add", "Odd", "--access", "admin"], password: null);

        Assert.Equal((0, 1, 2), (reader.ExitCode, unknownTeam.ExitCode, badAccess.ExitCode));
        await using var db = Db();
        var stored = await db.ApiKeys.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("BI reader", true), (stored.Name, stored.ReadOnly));
        Assert.Null(stored.TeamIds);
    }

    [Fact]
    public async Task Help_lists_the_options_and_exits_with_0()
    {
        var users = await RunAsync(["users", "add", "--help"], password: null);
        var keys = await RunAsync(["apikeys", "--help"], password: null);
        var unknown = await RunAsync(["users", "remove", "bea@acme.test"], password: null);

        Assert.Equal((0, 0, 2), (users.ExitCode, keys.ExitCode, unknown.ExitCode));
        Assert.Contains("--role Admin|VP|Manager|Analyst|Rep", users.Output);
        Assert.Contains("apikeys add <name>", keys.Output);
        Assert.Contains("Unknown command 'users remove'", unknown.Error);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? password, Func<string, string?>? prompt = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, name => name == UsersAddCommand.PasswordVariable ? password : null, prompt);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SalesOps"] = $"Data Source={DatabasePath}",
            ["SalesOps:DataProtectionKeysPath"] = Path.Combine(_directory, "keys"),
        };
        var exitCode = await SalesOpsCli.RunAsync(args, console, settings, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private SalesOpsDbContext Db() =>
        new(new DbContextOptionsBuilder<SalesOpsDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS temp cleaner.
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

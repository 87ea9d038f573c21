using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;

namespace SalesOps.Web.Cli;

/// <summary><c>users add</c>: a sign-in, with the app's own Identity rules (password strength, unique e-mail).</summary>
public sealed class UsersAddCommand : CliCommand
{
    public const string PasswordVariable = "SALESOPS_PASSWORD";

    public override string Group => "users";

    public override string Verb => "add";

    public override string Usage => $"""
        users add <email> --role {string.Join('|', RolesByPower)} [--name "Display Name"] [--team <id>] [--rep <id>]
            Creates a user who signs in with <email>. The password comes from the {PasswordVariable} environment
            variable or, at a terminal, a hidden prompt (asked twice); never from an argument.
            A Manager needs --team (the team they run); a Rep needs --rep (their rep record, whose team they join).
            The name shown in the app defaults to the part of the e-mail before the @.
        """;

    private static readonly string[] RolesByPower = [Roles.Admin, Roles.VP, Roles.Manager, Roles.Analyst, Roles.Rep];

    public override async Task<int> RunAsync(CliArguments args, CliConsole console, CliHost host, CancellationToken cancellationToken)
    {
        var email = args.OnlyPositional("e-mail address").Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            throw new CliUsageException($"'{email}' is not an e-mail address.");
        }

        var roleText = args.Option("role") ?? throw new CliUsageException("--role is required.");
        var role = RolesByPower.FirstOrDefault(r => string.Equals(r, roleText, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliUsageException($"--role must be one of {string.Join(", ", RolesByPower)}; got '{roleText}'.");
        var name = args.Option("name")?.Trim() is { Length: > 0 } given ? given : address.User;
        var teamId = args.IntOption("team");
        var repId = args.IntOption("rep");
        args.EnsureAllRead();
        if (role == Roles.Manager && teamId is null)
        {
            throw new CliUsageException("A Manager needs --team <id>: the team they run.");
        }

        if (role == Roles.Rep && repId is null)
        {
            throw new CliUsageException("A Rep needs --rep <id>: the rep record whose deals are theirs.");
        }

        var password = ReadPassword(console);

        var services = await host.ServicesAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesOpsDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (repId is { } id)
            {
                var rep = await db.Reps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
                if (rep is null)
                {
                    return Fail(console, $"There is no rep {id}.");
                }

                teamId ??= rep.TeamId;
            }

            if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, cancellationToken))
            {
                return Fail(console, $"There is no team {team}.");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { DisplayName = name, UserName = email, Email = email, EmailConfirmed = true, RepId = repId, TeamId = teamId };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Fail(console, $"{email} was not created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded)
        {
            // A user without a role could sign in to nothing; better none at all.
            await users.DeleteAsync(user);
            return Fail(console, $"{email} was not created: {string.Join(" ", inRole.Errors.Select(e => e.Description))}");
        }

        console.Out.WriteLine($"Created {role} {email} ({name}).");
        return 0;
    }

    private static string ReadPassword(CliConsole console)
    {
        if (console.Environment(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (console.ReadSecret is null)
        {
            throw new CliUsageException($"No password: set {PasswordVariable}, or run the command at a terminal to be asked for one.");
        }

        var password = console.ReadSecret("Password: ");
        if (string.IsNullOrEmpty(password))
        {
            throw new CliUsageException("No password given.");
        }

        return console.ReadSecret("Repeat the password: ") == password ? password : throw new CliUsageException("The two passwords differ.");
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine(message);
        return 1;
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Auth;

namespace SalesOps.Web.Data.Seeding;

/// <summary>Seeds the demo company, its sign-in users and the demo CRM's API key into an empty database.</summary>
public sealed class DemoCompanySeeder(
    IDbContextFactory<SalesOpsDbContext> factory,
    IOptions<SalesOpsOptions> options,
    IPasswordHasher<AppUser> passwordHasher,
    TimeProvider clock,
    ILogger<DemoCompanySeeder> logger)
{
    /// <summary>The demo company as of the configured anchor day (or today).</summary>
    public Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken) =>
        SeedIfEmptyAsync(CompanySize.Demo, options.Value.DemoAnchorDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), DemoCompany.Seed, cancellationToken);

    /// <summary>
    /// A company of <paramref name="size"/> into a database with no company, users or keys yet (a real company's
    /// first admin keeps the demo out). The bench builds its large companies through here too.
    /// </summary>
    /// <returns>False when the database was not empty and nothing was written.</returns>
    public async Task<bool> SeedIfEmptyAsync(CompanySize size, DateOnly anchor, int seed, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // SQLite's BEGIN IMMEDIATE: a second instance starting at the same time waits here, then finds the teams.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Teams.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken) || await db.ApiKeys.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var company = DemoCompanyGenerator.Start(size, anchor, anchor == DateOnly.FromDateTime(now) ? TimeOnly.FromDateTime(now) : null, seed);
        var data = company.Organization;
        var planned = stopwatch.Elapsed;

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Teams.AddRange(data.Teams);
        db.Reps.AddRange(data.Reps);
        db.Territories.AddRange(data.Territories);
        db.Products.AddRange(data.Products);
        db.CompPlans.AddRange(data.CompPlans);
        db.Contests.AddRange(data.Contests);
        AddUsers(db, data);
        db.ApiKeys.Add(new ApiKey
        {
            Name = "Demo CRM",
            Prefix = DemoCompany.IngestKey[..6],
            Hash = ApiKeyHasher.Hash(DemoCompany.IngestKey),
            CreatedAt = now,
            CreatedBy = "seed",
        });
        db.Screens.Add(DemoScreens.SalesFloor(now));
        await db.SaveChangesAsync(cancellationToken);

        await BulkInsert.AllAsync(db, data.Accounts, cancellationToken);
        await BulkInsert.AllAsync(db, data.Quotas, cancellationToken);
        long changes;
        await using (var deals = await BulkInsert.PrepareAsync<Deal>(db, cancellationToken))
        await using (var stageChanges = await BulkInsert.PrepareAsync<DealStageChange>(db, cancellationToken))
        {
            // Each deal is built, written and dropped in turn: memory stays flat however many there are.
            foreach (var deal in company.Deals())
            {
                await deals.AddAsync(deal, cancellationToken);
                foreach (var change in deal.StageHistory)
                {
                    await stageChanges.AddAsync(change, cancellationToken);
                }
            }

            changes = stageChanges.Rows;
        }

        await transaction.CommitAsync(cancellationToken);

        logger.SeededDemoCompany(anchor, company.DealCount, changes, data.Accounts.Count,
            (long)stopwatch.Elapsed.TotalMilliseconds, (long)planned.TotalMilliseconds);
        return true;
    }

    /// <summary>
    /// The five role users of the sign-in page plus one sign-in per rep. PBKDF2 is deliberately slow, so the demo
    /// password is hashed once and the hash shared: every user still gets its own security stamp.
    /// </summary>
    private void AddUsers(SalesOpsDbContext db, DemoCompanyData data)
    {
        var passwordHash = passwordHasher.HashPassword(new AppUser { DisplayName = "demo" }, options.Value.DemoPassword);
        var firstTeam = data.Teams[0];
        var demoRep = data.Reps.Single(r => r.Email == DemoCompany.RepEmail);

        void Add(string email, string displayName, string role, int? repId, int? teamId)
        {
            var user = new AppUser
            {
                DisplayName = displayName,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                RepId = repId,
                TeamId = teamId,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = "role-" + role.ToLowerInvariant() });
        }

        foreach (var user in DemoCompany.Users)
        {
            var (repId, teamId) = user.Role switch
            {
                Roles.Rep => ((int?)demoRep.Id, (int?)demoRep.TeamId),
                Roles.Manager => (null, firstTeam.Id),
                _ => (null, null),
            };
            Add(user.Email, user.DisplayName, user.Role, repId, teamId);
        }

        foreach (var rep in data.Reps.Where(r => r.Id != demoRep.Id))
        {
            Add(rep.Email, rep.Name, Roles.Rep, rep.Id, rep.TeamId);
        }
    }
}

internal static partial class DemoCompanySeederLog
{
    [LoggerMessage(Level = LogLevel.Information, Message =
        "Seeded the demo company as of {Anchor:yyyy-MM-dd}: {Deals} deals, {Changes} stage changes, {Accounts} accounts in {Elapsed} ms (planned in {Planned} ms)")]
    public static partial void SeededDemoCompany(this ILogger logger, DateOnly anchor, int deals, long changes, int accounts, long elapsed, long planned);
}

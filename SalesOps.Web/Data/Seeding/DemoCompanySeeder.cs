using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // SQLite's BEGIN IMMEDIATE: a second instance starting at the same time waits here, then finds the teams.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Teams.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var anchor = options.Value.DemoAnchorDate ?? today;
        var data = DemoCompanyGenerator.Generate(anchor, anchor == today ? TimeOnly.FromDateTime(now) : null);
        var generated = stopwatch.Elapsed;

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
        await db.SaveChangesAsync(cancellationToken);

        // Tracking 55,000 rows costs EF seconds; one prepared statement per table takes a fraction of that.
        await BulkInsertAsync(db, data.Accounts, cancellationToken);
        await BulkInsertAsync(db, data.Quotas, cancellationToken);
        await BulkInsertAsync(db, data.Deals, cancellationToken);
        await BulkInsertAsync(db, data.StageChanges, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Seeded the demo company as of {Anchor:yyyy-MM-dd}: {Deals} deals, {Changes} stage changes, {Accounts} accounts in {Elapsed} ms (generated in {Generated} ms)",
            anchor, data.Deals.Count, data.Deals.Sum(d => d.StageHistory.Count), data.Accounts.Count,
            (long)stopwatch.Elapsed.TotalMilliseconds, (long)generated.TotalMilliseconds);
        return true;
    }

    /// <summary>
    /// Inserts rows with one prepared command on the context's connection and transaction. Values go through the
    /// model's own column names and converters (cents, enum names), so they read back exactly as if EF wrote them.
    /// </summary>
    private static async Task BulkInsertAsync<T>(SalesOpsDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var columns = entityType.GetProperties()
            .Where(p => p.PropertyInfo is not null)
            .Select(p => (Getter: p.PropertyInfo!, Name: p.GetColumnName(), p.GetTypeMapping().Converter))
            .ToList();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{entityType.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToList();
        await command.PrepareAsync(cancellationToken);

        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].Getter.GetValue(row);
                parameters[i].Value = (columns[i].Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
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

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Web.Auth;

namespace SalesOps.Web.Data;

public class SalesOpsDbContext(DbContextOptions<SalesOpsDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Rep> Reps => Set<Rep>();
    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Stage> Stages => Set<Stage>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealStageChange> DealStageChanges => Set<DealStageChange>();
    public DbSet<Quota> Quotas => Set<Quota>();
    public DbSet<CompPlan> CompPlans => Set<CompPlan>();
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<CompPlanAssignment> CompPlanAssignments => Set<CompPlanAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<LiveEvent> LiveEvents => Set<LiveEvent>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Features.Admin.UserInvitation> UserInvitations => Set<Features.Admin.UserInvitation>();
    public DbSet<Screen> Screens => Set<Screen>();
    public DbSet<ScreenSlide> ScreenSlides => Set<ScreenSlide>();
    public DbSet<SourceAlias> SourceAliases => Set<SourceAlias>();
    public DbSet<TerritoryPlan> TerritoryPlans => Set<TerritoryPlan>();
    public DbSet<TerritoryPlanMove> TerritoryPlanMoves => Set<TerritoryPlanMove>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is stored as integer cents: SQLite has no decimal type, and TEXT would sort and sum wrongly.
        configurationBuilder.Properties<decimal>().HaveConversion<CentsConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.HasDbFunction(typeof(SqliteFunctions).GetMethod(nameof(SqliteFunctions.JulianDay))!).HasName("julianday").IsBuiltIn();

        builder.Entity<Territory>(e =>
        {
            e.Property(t => t.Regions).HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), v => v.ToList()));
        });

        builder.Entity<TerritoryPlan>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(120);
            e.Property(p => p.CreatedBy).HasMaxLength(200);
            e.Property(p => p.PublishedBy).HasMaxLength(200);
            e.HasMany(p => p.Moves).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TerritoryPlanMove>(e =>
        {
            e.Property(m => m.Note).HasMaxLength(500);
            e.HasIndex(m => new { m.PlanId, m.AccountId }).IsUnique();
        });

        builder.Entity<Account>(e =>
        {
            // The territory board's balance figures (accounts, potential, distinct owners per territory) from the index alone.
            e.HasIndex(a => new { a.TerritoryId, a.OwnerRepId, a.PotentialScore });
            e.HasIndex(a => a.OwnerRepId);
            e.HasIndex(a => a.Name);
        });

        builder.Entity<Stage>(e =>
        {
            e.Ignore(s => s.IsClosed);
            e.HasData(DefaultStages);
        });

        // Roles exist in every database, demo or not; the ids are fixed so migrations stay stable.
        builder.Entity<IdentityRole>().HasData(SalesOps.Shared.Access.Roles.People.Select(role => new IdentityRole(role)
        {
            Id = "role-" + role.ToLowerInvariant(),
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = "seed-" + role.ToLowerInvariant(),
        }));

        builder.Entity<Deal>(e =>
        {
            e.HasOne(d => d.Account).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(d => d.OwnerRep).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(d => d.Stage).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasMany(d => d.StageHistory).WithOne().HasForeignKey(h => h.DealId);
            e.HasIndex(d => d.ExternalId).IsUnique();
            // Board and dashboard queries (measured with bench/SalesOps.Bench on 1,000,000 deals): column totals
            // per team, per rep, for everyone and per channel, and closed deals per period, each from a covering index.
            e.HasIndex(d => new { d.StageId, d.TeamId, d.Amount, d.Probability });
            e.HasIndex(d => new { d.OwnerRepId, d.StageId, d.Amount, d.Probability });
            e.HasIndex(d => new { d.StageId, d.Probability, d.Amount, d.Channel });
            e.HasIndex(d => new { d.StageId, d.ClosedOn, d.OwnerRepId, d.TeamId, d.Amount, d.Probability, d.Channel });
            e.HasIndex(d => new { d.StageId, d.StageEnteredAt });
            // /insights (measured on 1,000,000 deals): open deals expected to close in a period, summed by team or rep
            // (and within a manager's or rep's scope) for the KPIs, coverage and the monthly trend, from the index alone.
            e.HasIndex(d => new { d.StageId, d.ExpectedClose, d.TeamId, d.OwnerRepId, d.Probability, d.Amount });
            // The territory board's open pipeline and won-in-12-months per territory (measured on 100,000 accounts and
            // 600,000 deals): the deals' side from covering indexes, joined to their accounts' territory.
            e.HasIndex(d => new { d.StageId, d.AccountId, d.Probability, d.Amount });
            e.HasIndex(d => new { d.StageId, d.ClosedOn, d.AccountId, d.Amount });
        });

        // Imports find what they imported before by the export's ids.
        builder.Entity<Team>().HasIndex(t => t.ExternalId).IsUnique();
        builder.Entity<Rep>().HasIndex(r => r.ExternalId).IsUnique();
        builder.Entity<Account>().HasIndex(a => a.ExternalId).IsUnique();
        builder.Entity<Product>().HasIndex(p => p.ExternalId).IsUnique();
        builder.Entity<SourceAlias>().HasIndex(a => new { a.Kind, a.Key }).IsUnique();
        builder.Entity<Team>().Property(t => t.ExternalId).HasMaxLength(300);
        builder.Entity<Rep>().Property(t => t.ExternalId).HasMaxLength(300);
        builder.Entity<Account>().Property(t => t.ExternalId).HasMaxLength(300);
        builder.Entity<Product>().Property(t => t.ExternalId).HasMaxLength(300);
        builder.Entity<SourceAlias>().Property(t => t.Key).HasMaxLength(300);

        builder.Entity<DealStageChange>().HasIndex(h => new { h.DealId, h.ChangedAt });
        builder.Entity<Quota>().HasIndex(q => new { q.RepId, q.PeriodStart });
        builder.Entity<CompPlanAssignment>(e =>
        {
            e.HasIndex(a => new { a.RepId, a.CompPlanId }).IsUnique();
            e.HasOne<Rep>().WithMany().HasForeignKey(a => a.RepId);
        });
        // Named participants are a handful of ids read with the contest: a delimited column, like an API key's teams.
        builder.Entity<Contest>().Property(c => c.RepIds).HasMaxLength(4000).HasConversion(
            v => string.Join(',', v),
            v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            new ValueComparer<List<int>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, HashCode.Combine), v => v.ToList()));
        builder.Entity<AuditEntry>().HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        builder.Entity<LiveEvent>(e =>
        {
            e.HasKey(l => l.Sequence);
            e.Property(l => l.Sequence).ValueGeneratedOnAdd();
        });
        builder.Entity<ApiKey>(e =>
        {
            e.HasIndex(k => k.Hash).IsUnique();
            // A key names a handful of teams, always read with the key and never searched by team: a delimited column
            // (as territories keep their regions) rather than a join table every key lookup would have to include.
            e.Property(k => k.TeamIds).HasMaxLength(1000).HasConversion(
                v => string.Join(',', v!),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                new ValueComparer<List<int>?>((a, b) => a == null ? b == null : b != null && a.SequenceEqual(b), v => v == null ? 0 : v.Aggregate(0, HashCode.Combine), v => v == null ? null : v.ToList()));
        });

        builder.ApplyConfiguration(new Features.Admin.UserInvitationConfiguration());
        builder.ApplyConfiguration<Screen>(new Features.Screens.ScreenConfiguration());
        builder.ApplyConfiguration<ScreenSlide>(new Features.Screens.ScreenConfiguration());

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    /// <summary>The pipeline every company starts with; imports map their own stage names onto these.</summary>
    public static readonly Stage[] DefaultStages =
    [
        new() { Id = 1, Name = "Prospecting", Order = 1, DefaultProbability = 10 },
        new() { Id = 2, Name = "Qualification", Order = 2, DefaultProbability = 25 },
        new() { Id = 3, Name = "Proposal", Order = 3, DefaultProbability = 50 },
        new() { Id = 4, Name = "Negotiation", Order = 4, DefaultProbability = 75 },
        new() { Id = 5, Name = "Won", Order = 5, DefaultProbability = 100, IsWon = true },
        new() { Id = 6, Name = "Lost", Order = 6, DefaultProbability = 0, IsLost = true },
    ];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The app-managed concurrency token: every update writes Version + 1 where Version still equals the value
    /// that was read (or the one a client sent), so a stale writer updates no row and gets a conflict.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }

    private sealed class CentsConverter() : ValueConverter<decimal, long>(
        d => (long)decimal.Round(d * 100m, MidpointRounding.AwayFromZero),
        c => c / 100m);
}

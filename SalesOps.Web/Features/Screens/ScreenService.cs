using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Web.Auth;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Live;

namespace SalesOps.Web.Features.Screens;

/// <summary>
/// Builds and edits wall screens and issues their display links. Every change is checked against the actor on the
/// server and announced on the live bus, so the TVs showing the screen follow it within a second. A display token
/// is random, shown once, and only its SHA-256 is kept.
/// </summary>
public sealed class ScreenService(IDbContextFactory<SalesOpsDbContext> factory, LiveWriter writer, TimeProvider clock)
{
    public const string NotAllowed = "Screens.Error.NotAllowed";
    public const string NotFound = "Screens.Error.NotFound";
    public const string Conflict = "Screens.Error.Conflict";
    public const string UnknownFilter = "Screens.Error.Filter";

    /// <summary>A new, unguessable display token (192 random bits, URL-safe).</summary>
    public static string NewToken() => "tv_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => ApiKeyHasher.Hash(token);

    public async Task<IReadOnlyList<ScreenSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!ScreenAccess.CanOpen(actor))
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var screens = await db.Screens.AsNoTracking().Include(s => s.Slides).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var demoHash = Hash(DemoScreens.SalesFloorToken);
        return screens
            .Select(s => new ScreenSummary(
                s.Id, s.Name, s.Theme, s.Slides.Count, s.TokenHash is not null, s.TokenCreatedAt,
                ScreenAccess.CanManage(actor, s.Slides.Select(x => x.TeamId)),
                ScreenAccess.CanReload(actor) && s.TokenHash == demoHash ? DemoScreens.SalesFloorToken : null))
            .ToList();
    }

    public async Task<ScreenDraft?> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var screen = await db.Screens.AsNoTracking().Include(s => s.Slides).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (screen is null || !ScreenAccess.CanManage(actor, screen.Slides.Select(s => s.TeamId)))
        {
            return null;
        }

        return new ScreenDraft(screen.Id, screen.Version, new ScreenSpec(screen.Name, screen.Theme, Specs(screen)));
    }

    /// <summary>What slides may be filtered by: a manager only their own team (and any territory).</summary>
    public async Task<ScreenChoices> ChoicesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!ScreenAccess.CanOpen(actor))
        {
            return ScreenChoices.Empty;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var teams = db.Teams.AsNoTracking();
        if (actor.Role == Roles.Manager)
        {
            teams = teams.Where(t => t.Id == actor.TeamId);
        }

        return new ScreenChoices(
            await teams.OrderBy(t => t.Name).Select(t => new Pipeline.FilterChoice(t.Id, t.Name)).ToListAsync(cancellationToken),
            await db.Territories.AsNoTracking().OrderBy(t => t.Name).Select(t => new Pipeline.FilterChoice(t.Id, t.Name)).ToListAsync(cancellationToken));
    }

    /// <summary>The playlist a display token opens; null for an unknown or revoked token.</summary>
    public async Task<ScreenPlaylist?> FindByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var screen = await db.Screens.AsNoTracking().Include(s => s.Slides).SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        return screen is null ? null : new ScreenPlaylist(screen.Id, screen.Name, screen.Theme, screen.Version, Specs(screen));
    }

    /// <summary>
    /// What a display missed while it was away (off, reloading, or waiting for a restarted server): the deal stage
    /// changes after <paramref name="afterSequence"/> (the last live event the page had taken in, which its browser
    /// kept), oldest first, that happened since <paramref name="notBefore"/>, and the newest sequence there is, from
    /// which the page follows on. Only the last <see cref="MaxCatchUpEvents"/> events are looked at, whatever number
    /// the browser sends.
    /// </summary>
    public async Task<MissedChanges> MissedChangesAsync(long? afterSequence, DateTime notBefore, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var latest = await db.LiveEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        if (afterSequence is not { } after || after >= latest)
        {
            return new MissedChanges(latest, []);
        }

        after = Math.Max(after, latest - MaxCatchUpEvents);
        var changes = await db.LiveEvents.AsNoTracking()
            .Where(e => e.Sequence > after && e.Sequence <= latest && e.Kind == LiveEventKinds.DealStageChanged && e.At >= notBefore)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return new MissedChanges(latest, changes);
    }

    /// <summary>How far back a returning display looks, in live events.</summary>
    public const int MaxCatchUpEvents = 5_000;

    /// <summary>Creates a screen with its first display link (returned once in <see cref="ScreenResult.Token"/>).</summary>
    public async Task<ScreenResult> CreateAsync(Actor actor, ScreenSpec spec, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(actor, spec, cancellationToken) is { } error)
        {
            return ScreenResult.Fail(error);
        }

        var token = NewToken();
        return await writer.CommitAsync(async (db, changes) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var screen = new Screen
            {
                Name = spec.Name.Trim(),
                Theme = spec.Theme,
                TokenHash = Hash(token),
                TokenCreatedAt = now,
                CreatedAt = now,
                CreatedBy = actor.Name,
                Slides = Slides(spec),
            };
            db.Screens.Add(screen);
            await db.SaveChangesAsync(cancellationToken);
            changes.Audit(actor.Name, nameof(Screen), screen.Id, "created", null, spec);
            return new ScreenResult(true, screen.Id, token);
        }, cancellationToken);
    }

    /// <param name="version">The version the editor loaded: a screen changed since is refused, not overwritten.</param>
    public async Task<ScreenResult> UpdateAsync(Actor actor, int id, int version, ScreenSpec spec, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(actor, spec, cancellationToken) is { } error)
        {
            return ScreenResult.Fail(error);
        }

        try
        {
            return await ChangeAsync(actor, id, version, "updated", (db, screen) =>
            {
                db.ScreenSlides.RemoveRange(screen.Slides);
                screen.Name = spec.Name.Trim();
                screen.Theme = spec.Theme;
                screen.Slides = Slides(spec);
                return null;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ScreenResult.Fail(Conflict);
        }
    }

    /// <summary>Revokes the display link: every TV showing the screen goes blank within seconds.</summary>
    public Task<ScreenResult> RevokeAsync(Actor actor, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, null, "revoked", (_, screen) =>
        {
            screen.TokenHash = null;
            screen.TokenCreatedAt = null;
            return null;
        }, cancellationToken);

    /// <summary>A new display link in place of the old one (which stops working); returned once.</summary>
    public Task<ScreenResult> RegenerateAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var token = NewToken();
        return ChangeAsync(actor, id, null, "token-regenerated", (_, screen) =>
        {
            screen.TokenHash = Hash(token);
            screen.TokenCreatedAt = clock.GetUtcNow().UtcDateTime;
            return token;
        }, cancellationToken);
    }

    public Task<ScreenResult> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, null, "deleted", (db, screen) =>
        {
            db.Screens.Remove(screen);
            return null;
        }, cancellationToken);

    private Task<ScreenResult> ChangeAsync(
        Actor actor, int id, int? version, string action, Func<SalesOpsDbContext, Screen, string?> change, CancellationToken cancellationToken) =>
        writer.CommitAsync(async (db, changes) =>
        {
            var screen = await db.Screens.Include(s => s.Slides).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (screen is null)
            {
                return ScreenResult.Fail(NotFound);
            }

            if (!ScreenAccess.CanManage(actor, screen.Slides.Select(s => s.TeamId)))
            {
                return ScreenResult.Fail(NotAllowed);
            }

            if (version is { } expected)
            {
                if (expected != screen.Version)
                {
                    return ScreenResult.Fail(Conflict);
                }

                db.Entry(screen).Property(s => s.Version).OriginalValue = expected;
            }

            var token = change(db, screen);
            if (action != "deleted")
            {
                // Bumps the version even when only slides changed, so displays and editors see a new one.
                db.Entry(screen).State = EntityState.Modified;
            }

            changes.Audit(actor.Name, nameof(Screen), id, action, null, new { screen.Name, screen.Theme, Slides = screen.Slides.Count });
            changes.Publish(ScreenEvents.Changed, id, null, null, null);
            return new ScreenResult(true, id, token);
        }, cancellationToken);

    /// <summary>Nothing is written when the actor may not, or the spec breaks a rule or names an unknown team or territory.</summary>
    private async Task<string?> CheckAsync(Actor actor, ScreenSpec spec, CancellationToken cancellationToken)
    {
        if (ScreenRules.Problems(spec) is { Count: > 0 } problems)
        {
            return problems[0];
        }

        if (!ScreenAccess.CanManage(actor, spec.Slides.Select(s => s.TeamId)))
        {
            return NotAllowed;
        }

        var teams = spec.Slides.Where(s => s.TeamId is not null).Select(s => s.TeamId!.Value).Distinct().ToList();
        var territories = spec.Slides.Where(s => s.TerritoryId is not null).Select(s => s.TerritoryId!.Value).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var knownTeams = await db.Teams.CountAsync(t => teams.Contains(t.Id), cancellationToken);
        var knownTerritories = await db.Territories.CountAsync(t => territories.Contains(t.Id), cancellationToken);
        return knownTeams == teams.Count && knownTerritories == territories.Count ? null : UnknownFilter;
    }

    private static List<ScreenSlide> Slides(ScreenSpec spec) => spec.Slides
        .Select((s, i) => new ScreenSlide
        {
            Position = i,
            Kind = s.Kind,
            Seconds = s.Seconds,
            TeamId = s.TeamId,
            TerritoryId = s.TerritoryId,
            Text = string.IsNullOrWhiteSpace(s.Text) ? null : s.Text.Trim(),
        })
        .ToList();

    private static List<SlideSpec> Specs(Screen screen) => screen.Slides
        .OrderBy(s => s.Position)
        .Select(s => new SlideSpec(s.Kind, s.Seconds, s.TeamId, s.TerritoryId, s.Text))
        .ToList();
}

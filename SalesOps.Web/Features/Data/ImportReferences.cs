using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Import;
using SalesOps.Web.Data;

namespace SalesOps.Web.Features.Data;

/// <summary>
/// The teams, reps, accounts and products an import refers to, found by the export's names (normalised, so
/// "Acme Corp." is "ACME CORP") or by an alias a hygiene fix recorded; new ones are added to the context.
/// </summary>
internal sealed class References
{
    private readonly Dictionary<string, Team> _teams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rep> _reps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Shared.Domain.Account> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Shared.Domain.Account> _accountsById = [];
    private readonly Dictionary<int, Product> _productsById = [];
    private readonly Dictionary<(AliasKind, string), int> _aliases = [];

    /// <summary>Whether rows were added since the last save (they need ids before deals point at them).</summary>
    public bool Pending { get; set; }

    public static async Task<References> LoadAsync(SalesOpsDbContext db, CancellationToken cancellationToken)
    {
        var refs = new References();
        foreach (var team in await db.Teams.Where(t => t.ExternalId != null).ToListAsync(cancellationToken))
        {
            refs._teams[team.ExternalId!] = team;
        }

        foreach (var rep in await db.Reps.Where(r => r.ExternalId != null).ToListAsync(cancellationToken))
        {
            refs._reps[rep.ExternalId!] = rep;
        }

        // A company's own reps (made in the app, not imported) take their deals from an export that names them,
        // instead of getting a namesake; a name two of them share is left alone, since it is not certain whose it is.
        var own = await db.Reps.Where(r => r.ExternalId == null).ToListAsync(cancellationToken);
        foreach (var named in own.GroupBy(r => ImportValues.Key(r.Name)).Where(g => g.Key.Length > 0 && g.Count() == 1))
        {
            refs._reps.TryAdd(named.Key, named.Single());
        }

        foreach (var account in await db.Accounts.ToListAsync(cancellationToken))
        {
            refs._accountsById[account.Id] = account;
            if (account.ExternalId is not null)
            {
                refs._accounts[account.ExternalId] = account;
            }
        }

        foreach (var product in await db.Products.ToListAsync(cancellationToken))
        {
            refs._productsById[product.Id] = product;
            if (product.ExternalId is not null)
            {
                refs._products[product.ExternalId] = product;
            }
        }

        foreach (var alias in await db.SourceAliases.AsNoTracking().ToListAsync(cancellationToken))
        {
            refs._aliases[(alias.Kind, alias.Key)] = alias.TargetId;
        }

        return refs;
    }

    public Team Team(SalesOpsDbContext db, string keyName, string region, string? manager, ref int added)
    {
        var key = ImportValues.Key(keyName);
        if (!_teams.TryGetValue(key, out var team))
        {
            team = new Team { Name = "", Region = "", ExternalId = key };
            db.Teams.Add(team);
            Pending = true;
            _teams[key] = team;
            added++;
        }

        team.Name = manager is null ? keyName : region.Length > 0 ? $"{manager} ({region})" : manager;
        team.Region = region;
        team.ManagerName = manager;
        return team;
    }

    public Rep Rep(SalesOpsDbContext db, string name, Team team, DateOnly today, ref int added)
    {
        var key = ImportValues.Key(name);
        if (!_reps.TryGetValue(key, out var rep))
        {
            rep = new Rep { Name = name, Email = $"{key.ToLowerInvariant()}@imported.invalid", HireDate = today, Channel = SalesChannel.Field, ExternalId = key };
            db.Reps.Add(rep);
            Pending = true;
            _reps[key] = rep;
            added++;
        }

        rep.Name = name;
        rep.Team = team;
        if (team.Id != 0)
        {
            rep.TeamId = team.Id;
        }

        return rep;
    }

    public Rep? FindRep(string name) => _reps.GetValueOrDefault(ImportValues.Key(name));

    public Shared.Domain.Account? FindAccount(string name)
    {
        var key = ImportValues.Key(name);
        return _aliases.TryGetValue((AliasKind.Account, key), out var id) && _accountsById.TryGetValue(id, out var aliased) ? aliased : _accounts.GetValueOrDefault(key);
    }

    public Shared.Domain.Account Account(SalesOpsDbContext db, string name, ref int added)
    {
        if (FindAccount(name) is { } found)
        {
            return found;
        }

        var key = ImportValues.Key(name);
        var account = new Shared.Domain.Account { Name = name, Industry = "", RegionCode = "", ExternalId = key };
        db.Accounts.Add(account);
        Pending = true;
        _accounts[key] = account;
        added++;
        return account;
    }

    public Product? FindProduct(string name)
    {
        var key = ImportValues.Key(name);
        return _aliases.TryGetValue((AliasKind.Product, key), out var id) && _productsById.TryGetValue(id, out var aliased) ? aliased : _products.GetValueOrDefault(key);
    }

    public Product Product(SalesOpsDbContext db, string name, ref int added)
    {
        if (FindProduct(name) is { } found)
        {
            return found;
        }

        var key = ImportValues.Key(name);
        var product = new Product { Name = name, Series = "", ExternalId = key };
        db.Products.Add(product);
        Pending = true;
        _products[key] = product;
        added++;
        return product;
    }
}

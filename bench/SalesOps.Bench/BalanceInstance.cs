using SalesOps.Shared.Territories;

namespace SalesOps.Bench;

/// <summary>
/// A deterministic balancing problem shaped like a real book of business: each territory owns three regions of
/// uneven size (so territories start far apart), potential scores 0–100 with a few strategic accounts worth up to
/// 1,000, 8% of accounts sitting outside their region's territory and 3% locked by a deal in negotiation.
/// </summary>
public static class BalanceInstance
{
    public const int RegionsPerTerritory = 3;

    public static BalanceRequest Create(int accounts, int territories, int seed, int? maxMoves = null)
    {
        var random = new Random(seed);
        var regionWeights = new double[territories * RegionsPerTerritory];
        for (var r = 0; r < regionWeights.Length; r++)
        {
            regionWeights[r] = Math.Exp(0.6 * Gaussian(random));
        }

        var cumulative = new double[regionWeights.Length];
        for (var r = 0; r < regionWeights.Length; r++)
        {
            cumulative[r] = (r == 0 ? 0 : cumulative[r - 1]) + regionWeights[r];
        }

        var rows = new List<BalanceAccount>(accounts);
        for (var a = 0; a < accounts; a++)
        {
            var region = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            region = region < 0 ? ~region : region;
            var home = 1 + region % territories;
            var potential = random.NextDouble() < 0.01 ? random.Next(100, 1_001) : Math.Round(100 * Math.Pow(random.NextDouble(), 1.5));
            var current = random.NextDouble() < 0.08 ? random.Next(1, territories + 1) : home;
            rows.Add(new BalanceAccount(a + 1, $"Account {a + 1}", potential, current, Locked: random.NextDouble() < 0.03, RegionTerritoryId: home));
        }

        var list = Enumerable.Range(1, territories).Select(t => new BalanceTerritory(t, $"Territory {t}")).ToList();
        return new BalanceRequest(rows, list, maxMoves);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

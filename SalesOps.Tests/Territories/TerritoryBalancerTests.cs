using SalesOps.Shared.Territories;

namespace SalesOps.Tests.Territories;

public class TerritoryBalancerTests
{
    private const double Precision = 1e-9;

    private static readonly BalanceTerritory[] West = [new(1, "West 1"), new(2, "West 2"), new(3, "West 3")];

    [Fact]
    public void A_move_is_explained_with_the_territory_it_evens_out()
    {
        // Average potential 100: West 2 is 18% over, West 3 18% under; Acme (18) closes both.
        var request = new BalanceRequest(
            [new(10, "Zeta", 100, 1), new(11, "Beta", 100, 2), new(12, "Acme", 18, 2), new(13, "Gamma", 82, 3)],
            West);

        var plan = TerritoryBalancer.Suggest(request);

        var move = Assert.Single(plan.Moves);
        Assert.Equal(
            new BalanceMove(12, "Acme", 18, 2, "West 2", 3, "West 3", MoveReason.SourceOverAverage, 2, "West 2", move.DriverPercentFromAverage, ContiguityEffect.Neutral),
            move);
        Assert.Equal(18, move.DriverPercentFromAverage, Precision);
        Assert.Equal("Moves Acme from West 2 to West 3: West 2 is 18% over the average potential.", move.Explanation);
        Assert.Equal(0.18, plan.Before.Imbalance, Precision);
        Assert.Equal(0, plan.After.Imbalance, Precision);
        Assert.Equal(0, plan.LowerBound, Precision);
        Assert.Equal([100.0, 100, 100], plan.Territories.Select(t => t.Potential));
        Assert.Equal([100.0, 118, 82], plan.Territories.Select(t => t.PotentialBefore));
    }

    [Fact]
    public void An_account_goes_back_to_its_region_s_territory_rather_than_one_of_equal_potential()
    {
        var request = new BalanceRequest(
            [
                new(1, "Stays home", 10, 1, RegionTerritoryId: 1),
                new(2, "Elsewhere", 10, 1, RegionTerritoryId: 3),
                new(3, "Goes home", 10, 1, RegionTerritoryId: 2),
                new(4, "Anchor", 10, 2),
            ],
            [new(1, "West 1"), new(2, "West 2")]);

        var move = Assert.Single(TerritoryBalancer.Suggest(request).Moves);

        Assert.Equal((3, ContiguityEffect.JoinsRegionTerritory), (move.AccountId, move.Contiguity));
        Assert.EndsWith("Goes home joins the territory of its region.", move.Explanation);
    }

    [Fact]
    public void An_account_away_from_its_region_moves_before_one_at_home()
    {
        var request = new BalanceRequest(
            [new(1, "At home", 10, 1, RegionTerritoryId: 1), new(2, "Away", 10, 1, RegionTerritoryId: 3), new(3, "Anchor", 0, 2)],
            [new(1, "West 1"), new(2, "West 2"), new(3, "Locked out", Editable: false)]);

        var move = Assert.Single(TerritoryBalancer.Suggest(request).Moves);

        Assert.Equal((2, ContiguityEffect.Neutral), (move.AccountId, move.Contiguity));
    }

    [Fact]
    public void Locked_accounts_stay_unless_allowed()
    {
        // East 75, West 15, average 45: only moving the locked 30 evens them out in one move.
        var request = new BalanceRequest(
            [new(1, "In negotiation", 30, 1, Locked: true), new(2, "Other", 45, 1), new(3, "Small", 15, 2)],
            [new(1, "East"), new(2, "West")],
            MaxMoves: 1);

        var locked = TerritoryBalancer.Suggest(request);
        var allowed = TerritoryBalancer.Suggest(request with { AllowLocked = true });

        Assert.Equal([2], locked.Moves.Select(m => m.AccountId));
        Assert.Equal(1.0 / 3, locked.After.Imbalance, Precision);
        Assert.Equal([1], allowed.Moves.Select(m => m.AccountId));
        Assert.Equal(0, allowed.After.Imbalance, Precision);
    }

    [Fact]
    public void Territories_that_are_not_editable_neither_give_nor_take()
    {
        var request = new BalanceRequest(
            [new(1, "A", 40, 1), new(2, "B", 40, 1), new(3, "C", 0, 2), new(4, "D", 500, 3)],
            [new(1, "East"), new(2, "West"), new(3, "Frozen", Editable: false)]);

        var plan = TerritoryBalancer.Suggest(request);

        Assert.Equal((1, 1, 2), (plan.Moves.Count, plan.Moves[0].FromTerritoryId, plan.Moves[0].ToTerritoryId));
        Assert.Equal(new TerritoryLoad(3, "Frozen", false, 500, 500, 1, 1), plan.Territories[2]);
        Assert.Equal(0, plan.After.Imbalance, Precision);
    }

    [Fact]
    public void The_largest_account_alone_keeps_the_bound_above_a_perfect_split()
    {
        // Mean 51: whoever takes the 100 is 49 over, however the rest is spread.
        var request = new BalanceRequest([new(1, "Whale", 100, 1), new(2, "Minnow", 1, 1), new(3, "Shrimp", 1, 1)], [new(1, "A"), new(2, "B")]);

        var plan = TerritoryBalancer.Suggest(request);

        Assert.Equal(49.0 / 51, plan.LowerBound, 1e-6);
        Assert.Equal(49.0 / 51, plan.After.Imbalance, Precision);
    }

    [Fact]
    public void A_budget_of_zero_moves_nothing_and_the_bound_is_where_things_are()
    {
        var request = new BalanceRequest([new(1, "A", 30, 1), new(2, "B", 10, 1)], [new(1, "A"), new(2, "B")], MaxMoves: 0);

        var plan = TerritoryBalancer.Suggest(request);

        Assert.Empty(plan.Moves);
        Assert.Equal(1, plan.Before.Imbalance, Precision);
        Assert.Equal(1, plan.LowerBound, 1e-6);
        Assert.Equal(0.5, plan.UnlimitedLowerBound, 1e-6); // 30 | 10 around 20
        Assert.True(plan.BudgetBinds);
    }

    [Fact]
    public void A_binding_budget_raises_the_bound_to_what_the_moves_allowed_can_reach()
    {
        // East 40, West 0, average 20: one move of 10 leaves East 10 over, and no plan of one move does better.
        var request = new BalanceRequest(
            [new(1, "A", 10, 1), new(2, "B", 10, 1), new(3, "C", 10, 1), new(4, "D", 10, 1)],
            [new(1, "East"), new(2, "West")],
            MaxMoves: 1);

        var plan = TerritoryBalancer.Suggest(request);

        Assert.Single(plan.Moves);
        Assert.Equal(0.5, plan.LowerBound, 1e-6);
        Assert.Equal(0.5, plan.After.Imbalance, Precision);
        Assert.Equal(0, plan.UnlimitedLowerBound, 1e-6);
        Assert.True(plan.BudgetBinds);
    }

    [Fact]
    public void Account_counts_even_out_when_potential_is_already_balanced()
    {
        var request = new BalanceRequest(
            [new(1, "Big", 10, 1), new(2, "Zero 1", 0, 2), new(3, "Zero 2", 0, 2), new(4, "Zero 3", 0, 2), new(5, "Ten", 10, 2), new(6, "Zero 4", 0, 1)],
            [new(1, "East"), new(2, "West")]);

        var plan = TerritoryBalancer.Suggest(request);

        var move = Assert.Single(plan.Moves);
        Assert.Equal((MoveReason.AccountCount, 2, 1, 0.0), (move.Reason, move.FromTerritoryId, move.ToTerritoryId, move.Potential));
        Assert.Equal(0, plan.After.AccountImbalance, Precision);
        Assert.Equal(1.0 / 3, plan.Before.AccountImbalance, Precision);
        Assert.Equal("Moves Zero 1 from West to East: West has 33.3% more accounts than the average, and the move keeps potential as balanced.", move.Explanation);
    }

    [Fact]
    public void A_swap_evens_out_what_no_single_move_can()
    {
        // East 20, West 14, average 17: any single move makes it worse; swapping a 10 for a 7 is perfect.
        var request = new BalanceRequest(
            [new(1, "A", 10, 1), new(2, "B", 10, 1), new(3, "C", 7, 2), new(4, "D", 7, 2)],
            [new(1, "East"), new(2, "West")]);

        var plan = TerritoryBalancer.Suggest(request);

        Assert.Equal(
            [(1, 1, 2, MoveReason.Swap, (int?)3), (3, 2, 1, MoveReason.Swap, 1)],
            plan.Moves.Select(m => (m.AccountId, m.FromTerritoryId, m.ToTerritoryId, m.Reason, m.SwappedWithAccountId)));
        Assert.Equal("Moves A from East to West in exchange for C: East is 17.6% over the average potential.", plan.Moves[0].Explanation);
        Assert.Equal(0, plan.After.Imbalance, Precision);
    }

    [Fact]
    public void The_same_request_gives_the_same_plan()
    {
        var request = RandomRequest(new Random(7), accounts: 300, territories: 6, maxMoves: 40);

        var first = TerritoryBalancer.Suggest(request);
        var second = TerritoryBalancer.Suggest(request);

        Assert.Equal(first.Moves, second.Moves);
        Assert.Equal(first.After, second.After);
    }

    [Fact]
    public void Bad_requests_are_refused()
    {
        BalanceTerritory[] territories = [new(1, "A")];
        Assert.Throws<ArgumentException>(() => TerritoryBalancer.Suggest(new([new(1, "x", 1, 2)], territories)));
        Assert.Throws<ArgumentException>(() => TerritoryBalancer.Suggest(new([new(1, "x", 1, 1), new(1, "y", 1, 1)], territories)));
        Assert.Throws<ArgumentException>(() => TerritoryBalancer.Suggest(new([new(1, "x", -1, 1)], territories)));
        Assert.Throws<ArgumentException>(() => TerritoryBalancer.Suggest(new([new(1, "x", double.NaN, 1)], territories)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TerritoryBalancer.Suggest(new([], territories, MaxMoves: -1)));
    }

    [Fact]
    public void On_small_cases_the_bound_is_below_the_best_plan_and_the_plan_keeps_every_rule()
    {
        var random = new Random(20261201);
        var optimal = 0;
        var cases = 0;
        for (var i = 0; i < 400; i++)
        {
            var request = RandomRequest(random, accounts: random.Next(1, 9), territories: random.Next(2, 4), maxMoves: null);
            foreach (var budget in (int?[])[0, 1, 2, 3, null])
            {
                foreach (var allowLocked in (bool[])[false, true])
                {
                    var variant = request with { MaxMoves = budget, AllowLocked = allowLocked };
                    var best = BruteForceBest(variant);
                    var plan = TerritoryBalancer.Suggest(variant);
                    var context = $"case {i}, budget {budget}, allowLocked {allowLocked}";

                    Assert.True(plan.LowerBound <= best + Precision, $"{context}: bound {plan.LowerBound} > optimum {best}");
                    Assert.True(plan.UnlimitedLowerBound <= plan.LowerBound + Precision, context);
                    CheckPlanKeepsTheRules(variant, plan, context);
                    Assert.True(plan.After.Imbalance >= best - Precision, context);
                    Assert.True(plan.After.Imbalance <= plan.Before.Imbalance + Precision, $"{context}: the plan made things worse");
                    optimal += plan.After.Imbalance <= best + Precision ? 1 : 0;
                    cases++;
                }
            }
        }

        // The heuristic is not exact, but on tiny cases it should nearly always find the optimum.
        Assert.True(optimal >= cases * 0.9, $"optimal in {optimal} of {cases}");
    }

    [Fact]
    public void On_a_large_case_the_plan_reaches_the_bound_and_a_binding_budget_is_kept()
    {
        var request = RandomRequest(new Random(11), accounts: 5_000, territories: 12, maxMoves: null);

        var free = TerritoryBalancer.Suggest(request);
        var tight = TerritoryBalancer.Suggest(request with { MaxMoves = 20 });

        Assert.True(free.Gap <= 0.01, $"gap {free.Gap}");
        Assert.False(free.BudgetBinds);
        CheckPlanKeepsTheRules(request, free, "free");
        Assert.True(tight.BudgetBinds);
        Assert.Equal(20, tight.Moves.Count);
        Assert.True(tight.After.Imbalance >= tight.LowerBound);
        CheckPlanKeepsTheRules(request with { MaxMoves = 20 }, tight, "tight");
    }

    private static void CheckPlanKeepsTheRules(BalanceRequest request, BalancePlan plan, string context)
    {
        var accounts = request.Accounts.ToDictionary(a => a.Id);
        var editable = request.Territories.Where(t => t.Editable).Select(t => t.Id).ToHashSet();
        Assert.True(request.MaxMoves is not { } max || plan.Moves.Count <= max, $"{context}: {plan.Moves.Count} moves over the budget");
        Assert.Equal(plan.Moves.Count, plan.Moves.Select(m => m.AccountId).Distinct().Count());
        var final = request.Accounts.ToDictionary(a => a.Id, a => a.TerritoryId);
        foreach (var move in plan.Moves)
        {
            var account = accounts[move.AccountId];
            Assert.True(request.AllowLocked || !account.Locked, $"{context}: locked account {account.Id} moved");
            Assert.Equal(account.TerritoryId, move.FromTerritoryId);
            Assert.Contains(move.FromTerritoryId, editable);
            Assert.Contains(move.ToTerritoryId, editable);
            Assert.NotEqual(move.FromTerritoryId, move.ToTerritoryId);
            final[move.AccountId] = move.ToTerritoryId;
        }

        Assert.Equal(Imbalance(request, final), plan.After.Imbalance, Precision);
    }

    /// <summary>Tries every assignment that the budget and locks allow.</summary>
    private static double BruteForceBest(BalanceRequest request)
    {
        var editable = request.Territories.Where(t => t.Editable).Select(t => t.Id).ToArray();
        var movable = request.Accounts
            .Where(a => editable.Contains(a.TerritoryId) && (!a.Locked || request.AllowLocked))
            .ToArray();
        var best = double.PositiveInfinity;
        var assignment = request.Accounts.ToDictionary(a => a.Id, a => a.TerritoryId);
        var combinations = (int)Math.Pow(editable.Length, movable.Length);
        for (var code = 0; code < combinations; code++)
        {
            var rest = code;
            var moved = 0;
            foreach (var account in movable)
            {
                assignment[account.Id] = editable[rest % editable.Length];
                rest /= editable.Length;
                moved += assignment[account.Id] != account.TerritoryId ? 1 : 0;
            }

            if (request.MaxMoves is not { } max || moved <= max)
            {
                best = Math.Min(best, Imbalance(request, assignment));
            }
        }

        return best;
    }

    private static double Imbalance(BalanceRequest request, Dictionary<int, int> territoryOf)
    {
        var editable = request.Territories.Where(t => t.Editable).Select(t => t.Id).ToList();
        var totals = editable.ToDictionary(t => t, _ => 0.0);
        foreach (var account in request.Accounts)
        {
            if (totals.ContainsKey(territoryOf[account.Id]))
            {
                totals[territoryOf[account.Id]] += account.Potential;
            }
        }

        var mean = totals.Values.Sum() / editable.Count;
        return mean == 0 ? 0 : totals.Values.Max(v => Math.Abs(v - mean)) / mean;
    }

    private static BalanceRequest RandomRequest(Random random, int accounts, int territories, int? maxMoves)
    {
        var list = Enumerable.Range(1, territories)
            .Select(t => new BalanceTerritory(t, $"T{t}", Editable: t == 1 || territories < 3 || random.Next(6) > 0))
            .ToArray();
        var lumpy = random.Next(3) == 0;
        var rows = Enumerable.Range(1, accounts)
            .Select(a => new BalanceAccount(
                a,
                $"Account {a}",
                lumpy ? random.Next(0, 100) * random.Next(0, 3) : random.Next(0, 21),
                TerritoryId: 1 + (int)(territories * Math.Pow(random.NextDouble(), 2)),
                Locked: random.Next(5) == 0,
                RegionTerritoryId: random.Next(3) == 0 ? null : random.Next(1, territories + 1)))
            .ToList();
        return new BalanceRequest(rows, list, maxMoves);
    }
}

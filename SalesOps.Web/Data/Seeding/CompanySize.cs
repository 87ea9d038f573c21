namespace SalesOps.Web.Data.Seeding;

/// <summary>
/// How big a company <see cref="DemoCompanyGenerator"/> builds. The demo company is the small setting; the bench
/// builds the same kind of company with up to a million deals.
/// </summary>
/// <param name="Reps">Sales reps; teams are added as whole copies of the demo's six teams (40 reps each).</param>
/// <param name="Accounts">Customer accounts, spread over the states and countries.</param>
/// <param name="Deals">Deals, with their full stage history.</param>
/// <param name="Months">Months of quota history before the anchor's quarter (whole quarters); deals start a season earlier.</param>
public sealed record CompanySize(int Reps, int Accounts, int Deals, int Months)
{
    public static readonly CompanySize Demo = new(40, 2_000, 12_000, 18);

    public const int MaxDeals = 50_000_000;

    /// <summary>The demo's proportions (300 deals per rep, 6 per account) at <paramref name="deals"/> deals.</summary>
    public static CompanySize ForDeals(int deals, int? accounts = null, int? reps = null, int? months = null) => new(
        reps ?? Math.Max(Demo.Reps, deals / (Demo.Deals / Demo.Reps)),
        accounts ?? Math.Max(Demo.Accounts / 10, deals / (Demo.Deals / Demo.Accounts)),
        deals,
        months ?? Demo.Months);

    public int QuotaQuartersBack => Math.Max(1, Months / 3);

    /// <summary>Checked before generating: every team and channel of the demo needs its reps, every state its accounts.</summary>
    public void Validate()
    {
        if (Reps < Demo.Reps || Accounts < 200 || Deals < 1 || Deals > MaxDeals || Months is < 3 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(CompanySize), this,
                $"A company needs at least {Demo.Reps} reps, 200 accounts, 1–{MaxDeals:N0} deals and 3–120 months.");
        }
    }
}

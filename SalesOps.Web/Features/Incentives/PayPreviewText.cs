using Microsoft.Extensions.Localization;
using SalesOps.Shared.Incentives;
using SalesOps.Web.Resources;
using SalesOps.Web.Shell;

namespace SalesOps.Web.Features.Incentives;

/// <summary>One line that says where a "pays you" figure comes from: the tier slices, then uplift, cap and SPIF.</summary>
public static class PayPreviewText
{
    public static string Explain(IStringLocalizer<Strings> l, MoneyFormat money, WhatIfPayout payout)
    {
        var parts = payout.Slices
            .Select(s => l["PayPreview.Slice", money.Format(s.Amount, 0), s.RatePercent.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture)].Value)
            .ToList();
        if (payout.EarlierDealsUplift != 0)
        {
            parts.Add(l["PayPreview.Uplift", money.Format(payout.EarlierDealsUplift, 2)]);
        }

        if (payout.SpifBonuses != 0)
        {
            parts.Add(l["PayPreview.Spif", money.Format(payout.SpifBonuses, 2)]);
        }

        if (payout.CapEffect != 0)
        {
            parts.Add(l["PayPreview.Cap", money.Format(payout.CapEffect, 2)]);
        }

        return string.Join(" · ", parts);
    }
}

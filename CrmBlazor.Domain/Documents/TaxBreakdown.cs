using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Documents;

/// <summary>One row of the tax summary: the net of all lines at a rate, and the tax on that net.</summary>
public sealed record TaxLine(decimal Percent, long NetMinor, long TaxMinor);

/// <summary>
/// Totals (DOC-1). Rounding rule: each line's net is rounded to the minor unit; lines are grouped by
/// tax rate; the tax of a group is its net × rate, rounded half away from zero once per group; the
/// total is the sum of the nets plus the sum of the group taxes. So the printed breakdown always adds up.
/// </summary>
public sealed record Totals(IReadOnlyList<TaxLine> Taxes, long NetMinor, long TaxMinor, long TotalMinor)
{
    public static Totals Of(IEnumerable<(long NetMinor, decimal TaxPercent)> lines)
    {
        var taxes = lines.GroupBy(l => l.TaxPercent).OrderBy(g => g.Key)
            .Select(g =>
            {
                var net = g.Sum(l => l.NetMinor);
                return new TaxLine(g.Key, net, MoneyMath.Round(net * g.Key / 100m));
            }).ToList();
        var netTotal = taxes.Sum(t => t.NetMinor);
        var taxTotal = taxes.Sum(t => t.TaxMinor);
        return new Totals(taxes, netTotal, taxTotal, netTotal + taxTotal);
    }
}

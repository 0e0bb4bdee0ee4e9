namespace CrmBlazor.Domain.Common;

/// <summary>
/// Money is stored as whole minor units (cents, grosze) in a long: exact on SQLite and PostgreSQL,
/// summable and sortable in SQL. Rounding is half away from zero, to the minor unit, in one place.
/// </summary>
public static class MoneyMath
{
    public static long Round(decimal minorUnits) => (long)Math.Round(minorUnits, 0, MidpointRounding.AwayFromZero);

    public static decimal ToMajor(long minor) => minor / 100m;

    public static long ToMinor(decimal major) => Round(major * 100m);
}

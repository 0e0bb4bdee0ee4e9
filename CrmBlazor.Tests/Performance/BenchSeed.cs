using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// The benchmark data: 100,000 companies and 200,000 persons from <see cref="DemoClientGenerator"/>
/// (fixed seed), 20 % inactive, two persons out of three linked to a company. Rows are built with
/// <see cref="Client.Create"/> so every derived column (SortKey, SearchText, folded copies) is exactly
/// what the app stores, then written as plain column values, far faster than change tracking.
/// </summary>
public static class BenchSeed
{
    /// <summary>Bump when the generated data changes: cached databases are keyed by it.</summary>
    public const int Version = 2;
    public const int Companies = 100_000;
    public const int Persons = 200_000;
    public const int Seed = 4242;
    private static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Positions = ["CEO", "Director", "Gerente", "Responsable achats", "Księgowa", "Office manager", "Comptable"];

    /// <summary>Every client with its id: companies get 1..100,000, persons the ids after them.</summary>
    public static IEnumerable<(long Id, Client Client)> Clients()
    {
        var random = new Random(Seed);
        var forms = DemoClientGenerator.Companies(Companies, Seed).Concat(DemoClientGenerator.Persons(Persons, Seed));
        long id = 0;
        foreach (var form in forms)
        {
            id++;
            var created = Now.AddDays(-random.Next(1, 900)).AddMinutes(id);
            var client = Client.Create(form, created);
            if (random.Next(5) == 0) client.Deactivate(created.AddDays(30));
            yield return (id, client);
        }
    }

    /// <summary>Contact links (CompanyId, PersonId, Position, IsPrimary): the first link of a company is primary.</summary>
    public static IEnumerable<(long CompanyId, long PersonId, string Position, bool IsPrimary)> Links()
    {
        var random = new Random(Seed + 1);
        var hasPrimary = new bool[Companies + 1];
        for (var i = 0; i < Persons; i++)
        {
            if (random.Next(3) == 0) continue; // by chance, not by index: the generator picks the market by index
            var company = random.Next(1, Companies + 1);
            var primary = !hasPrimary[company];
            hasPrimary[company] = true;
            yield return (company, Companies + 1 + i, Positions[random.Next(Positions.Length)], primary);
        }
    }

    /// <summary>The Clients table's columns as the model maps them (owned notifications included), with provider values.</summary>
    public static IReadOnlyList<BenchColumn> ClientColumns(DbContext db)
    {
        var type = db.Model.FindEntityType(typeof(Client))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = new List<BenchColumn>();
        foreach (var p in type.GetProperties())
        {
            var getter = p.GetGetter();
            columns.Add(p.IsPrimaryKey()
                ? new BenchColumn(p.GetColumnName(table)!, p.GetColumnType(), (id, _) => id)
                : new BenchColumn(p.GetColumnName(table)!, p.GetColumnType(), (_, c) => ToProvider(p, getter.GetClrValue(c))));
        }
        foreach (var nav in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var owner = nav.GetGetter();
            foreach (var p in nav.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                var getter = p.GetGetter();
                columns.Add(new BenchColumn(p.GetColumnName(table)!, p.GetColumnType(),
                    (_, c) => ToProvider(p, getter.GetClrValue(owner.GetClrValue(c)!))));
            }
        }
        return columns;
    }

    private static object? ToProvider(IProperty p, object? value) =>
        p.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
}

public sealed record BenchColumn(string Name, string StoreType, Func<long, Client, object?> Value);

using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Demo;

/// <summary>Fills an empty database with demo clients, links and history on the first start.</summary>
public static class DemoDataSeeder
{
    public static async Task<int> SeedIfEmptyAsync(CrmDbContextFactory dbs, DemoOptions options, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        if (await db.Clients.AnyAsync(ct)) return 0;

        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(options.Seed);
        var companies = DemoClientGenerator.Companies(options.Companies, options.Seed)
            .Select((f, i) => Client.Create(f, now.AddDays(-random.Next(1, 900)).AddMinutes(i))).ToList();
        var persons = DemoClientGenerator.Persons(options.Persons, options.Seed)
            .Select((f, i) => Client.Create(f, now.AddDays(-random.Next(1, 900)).AddMinutes(i))).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Clients.AddRange(companies);
        db.Clients.AddRange(persons);
        await db.SaveChangesAsync(ct);

        // Two persons out of three work at a company; a company's first contact becomes its primary one.
        string[] positions = ["CEO", "Director", "Gerente", "Responsable achats", "Księgowa", "Office manager", "Abogada", "Comptable"];
        for (var i = 0; i < persons.Count; i++)
        {
            if (i % 3 == 2 || companies.Count == 0) continue;
            companies[random.Next(companies.Count)].LinkPerson(persons[i], positions[random.Next(positions.Length)]);
        }

        foreach (var client in companies.Concat(persons))
        {
            db.Record(client.Id, HistoryKind.Created, Actor.System, client.CreatedAt, client.Name);
            if (random.NextDouble() < options.InactiveShare) client.Deactivate(client.CreatedAt.AddDays(30));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return companies.Count + persons.Count;
    }
}

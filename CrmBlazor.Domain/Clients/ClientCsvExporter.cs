using System.Globalization;
using System.Text;
using CrmBlazor.Domain.Clients.Listing;

namespace CrmBlazor.Domain.Clients;

/// <summary>
/// Writes a filtered list as CSV. A cell starting with = + - @ (or a tab / carriage return) is
/// prefixed with an apostrophe so a spreadsheet shows it as text instead of running it as a formula.
/// </summary>
public sealed class ClientCsvExporter(ClientDirectory directory)
{
    public static readonly string[] Header =
        ["Id", "Name", "Email", "Phone", "VAT id", "City", "Country", "Client", "Supplier", "Active", "Created"];

    public async Task WriteAsync(ClientListRequest request, TextWriter writer, CancellationToken ct = default)
    {
        await writer.WriteLineAsync(Line(Header));
        await foreach (var r in directory.StreamAsync(request, ct))
        {
            await writer.WriteLineAsync(Line(
            [
                r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.Email, r.Phone, r.VatId, r.City, r.Country,
                r.IsCustomer ? "yes" : "no", r.IsSupplier ? "yes" : "no", r.Status == ClientStatus.Active ? "yes" : "no",
                r.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ]));
        }
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Line(IEnumerable<string> cells)
    {
        var sb = new StringBuilder();
        foreach (var cell in cells)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append(Cell(cell));
        }
        return sb.ToString();
    }
}

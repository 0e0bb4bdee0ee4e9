using CrmBlazor.Domain.Clients;

namespace CrmBlazor.Tests.Domain.Clients;

/// <summary>Exported cells cannot run as spreadsheet formulas and keep their content (DIR-4 export).</summary>
public class ClientCsvCellTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+48 600 100 200", "'+48 600 100 200")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=cmd", "'\t=cmd")]
    [InlineData("\r=cmd", "\"'\r=cmd\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    public void DIR_4_cells_that_a_spreadsheet_would_run_are_prefixed_with_an_apostrophe(string value, string cell) =>
        Assert.Equal(cell, ClientCsvExporter.Cell(value));

    [Theory]
    [InlineData("Astillero Norte SL", "Astillero Norte SL")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData("Paris, 8e", "\"Paris, 8e\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("Łódź", "Łódź")]
    public void DIR_4_ordinary_cells_are_kept_and_quoted_only_when_needed(string value, string cell) =>
        Assert.Equal(cell, ClientCsvExporter.Cell(value));
}

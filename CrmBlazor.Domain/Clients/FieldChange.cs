namespace CrmBlazor.Domain.Clients;

/// <summary>One field's value before and after an edit, as the history shows it.</summary>
public sealed record FieldChange(string Field, string Before, string After)
{
    public static IReadOnlyList<FieldChange> Between(ClientForm before, ClientForm after)
    {
        var changes = new List<FieldChange>();
        foreach (var property in typeof(ClientForm).GetProperties())
        {
            var a = Convert.ToString(property.GetValue(before), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var b = Convert.ToString(property.GetValue(after), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (a != b) changes.Add(new FieldChange(property.Name, a, b));
        }
        return changes;
    }
}

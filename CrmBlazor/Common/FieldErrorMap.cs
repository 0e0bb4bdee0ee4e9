using CrmBlazor.Domain.Common;
using CrmBlazor.Localization;

namespace CrmBlazor.Common;

/// <summary>Field errors of a form, translated, for MudBlazor's Error/ErrorText parameters.</summary>
public sealed class FieldErrorMap
{
    private readonly Dictionary<string, string> _errors = [];

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? For(string field) => _errors.GetValueOrDefault(field);

    public void Clear() => _errors.Clear();

    public void Set(string field, string message) => _errors[field] = message;

    /// <summary>Takes the errors of a failed save; returns false when the error belongs to no field.</summary>
    public bool TryTake(DomainException error, Text t)
    {
        _errors.Clear();
        if (error is ValidationFailedException v)
        {
            foreach (var (field, key) in v.Errors) _errors[field] = t.Message(key);
            return true;
        }
        if (error.Field is { } f)
        {
            _errors[f] = t.Message(error);
            return true;
        }
        return false;
    }
}

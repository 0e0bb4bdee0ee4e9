using CrmBlazor.Domain.Common;

namespace CrmBlazor.Tests.Support;

/// <summary>Asserts on the domain's refusal messages: the field they belong to and the message key.</summary>
public static class Expect
{
    public static async Task<ValidationFailedException> FieldErrorAsync(Func<Task> act, string field, string messageKey)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(act);
        Assert.True(error.Errors.TryGetValue(field, out var key), $"no error for {field}; got {string.Join(", ", error.Errors.Keys)}");
        Assert.Equal(messageKey, key);
        return error;
    }

    public static ValidationFailedException FieldError(Action act, string field, string messageKey)
    {
        var error = Assert.Throws<ValidationFailedException>(act);
        Assert.True(error.Errors.TryGetValue(field, out var key), $"no error for {field}; got {string.Join(", ", error.Errors.Keys)}");
        Assert.Equal(messageKey, key);
        return error;
    }

    /// <summary>A plain rule refusal (exactly <see cref="DomainException"/>, not a subclass).</summary>
    public static async Task<DomainException> RefusedAsync(Func<Task> act, string messageKey)
    {
        var error = await Assert.ThrowsAsync<DomainException>(act);
        Assert.Equal(messageKey, error.MessageKey);
        return error;
    }

    public static DomainException Refused(Action act, string messageKey)
    {
        var error = Assert.Throws<DomainException>(act);
        Assert.Equal(messageKey, error.MessageKey);
        return error;
    }

    /// <summary>Runs two calls at once; each must succeed or lose with a concurrency conflict. Returns how many succeeded.</summary>
    public static async Task<int> RaceAsync(Func<Task> first, Func<Task> second)
    {
        var results = await Task.WhenAll(Outcome(first), Outcome(second));
        foreach (var failure in results.OfType<Exception>())
            Assert.True(failure is ConcurrencyConflictException, $"unexpected {failure}");
        return results.Count(r => r is null);

        static async Task<Exception?> Outcome(Func<Task> call)
        {
            await Task.Yield();
            try { await call(); return null; }
            catch (Exception ex) { return ex; }
        }
    }
}

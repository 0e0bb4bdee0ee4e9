using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CrmBlazor.Domain.Live;

/// <summary>
/// One database read per change and question for every open page of this instance (issue 14). Every subscriber
/// receives the same <see cref="Change"/> object, so thirty tabs asking "what does row 12 look like now, under this
/// filter?" after that change share one query instead of thirty. A read started after the change was published is
/// as fresh for each of them; a later change is a new object, so it is never answered from an older read. Entries
/// go when the change object is collected.
/// </summary>
public sealed class ChangeReads
{
    private readonly ConditionalWeakTable<Change, ConcurrentDictionary<string, Lazy<Task<object?>>>> _reads = [];

    public async Task<T> OnceAsync<T>(Change after, string question, Func<Task<T>> read)
    {
        var answers = _reads.GetValue(after, _ => new ConcurrentDictionary<string, Lazy<Task<object?>>>(StringComparer.Ordinal));
        var answer = answers.GetOrAdd(question, _ => new Lazy<Task<object?>>(async () => await read()));
        try
        {
            return (T)(await answer.Value)!;
        }
        catch
        {
            answers.TryRemove(new KeyValuePair<string, Lazy<Task<object?>>>(question, answer)); // a failed read is not shared with later askers
            throw;
        }
    }
}

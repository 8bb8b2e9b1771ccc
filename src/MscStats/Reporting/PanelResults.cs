using System;
using System.Collections.Generic;
using System.Linq;

namespace MscStats.Reporting;

/// <summary>
/// The result objects of a panel run, kept beside its rows by method key and arm, with the exception of every method
/// that failed: the in-memory channel from the panel to the report's figures, which never enters the rows or JSON.
/// </summary>
/// <remarks>Filled while the panel runs (one thread), read afterwards.</remarks>
internal sealed class PanelResults
{
    private readonly Dictionary<(string Key, string? Arm), object> _results = [];
    private readonly Dictionary<(string Key, string? Arm), Exception> _failures = [];

    /// <summary>The entries with each call wrapped so that its result, or its exception, is kept under the entry's key and the arm.</summary>
    public IEnumerable<PanelEntry<TSample>> Keeping<TSample>(IEnumerable<PanelEntry<TSample>> entries, string? arm)
        => entries.Select(e => e with
        {
            Compute = (sample, options, work) => Keep(e.Key, arm, () => e.Compute(sample, options, work)),
            Refuse = e.Refuse is not { } refuse ? null : (sample, options) => Refused(e.Key, arm, refuse(sample, options)),
        });

    /// <summary>The result of the method <paramref name="key"/> (in <paramref name="arm"/>); rethrows the method's exception when it failed.</summary>
    /// <exception cref="InvalidOperationException">The panel has no such method, or its result is not a <typeparamref name="T"/>.</exception>
    public T Get<T>(string key, string? arm = null)
        where T : class
    {
        if (_results.TryGetValue((key, arm), out var result))
        {
            return result as T ?? throw new InvalidOperationException("Panel method '" + key + "' returned a " + result.GetType().Name + ", not a " + typeof(T).Name + ".");
        }

        if (_failures.TryGetValue((key, arm), out var failure))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        throw new InvalidOperationException("The panel has no method '" + key + "'" + (arm is null ? "." : " in arm '" + arm + "'."));
    }

    /// <summary>Records a refusal of the panel (<see cref="PanelLimits"/>) as the method's failure, so that <see cref="Get{T}"/> rethrows it.</summary>
    private string? Refused(string key, string? arm, string? reason)
    {
        if (reason is not null)
        {
            _failures[(key, arm)] = new PanelLimitException(reason);
        }

        return reason;
    }

    private T Keep<T>(string key, string? arm, Func<T> compute)
        where T : class
    {
        try
        {
            var result = compute();
            _results[(key, arm)] = result;
            return result;
        }
        catch (Exception e)
        {
            _failures[(key, arm)] = e;
            throw;
        }
    }
}

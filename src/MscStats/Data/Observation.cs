using System;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>
/// One value in tidy (long) form: which subject, in which arm, which outcome, when, and the value
/// (null when missing).
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record Observation
{
    /// <summary>Creates an observation.</summary>
    /// <param name="subject">The subject id; not blank.</param>
    /// <param name="arm">The subject's arm.</param>
    /// <param name="outcome">The outcome's name; not blank.</param>
    /// <param name="time">When the value was measured.</param>
    /// <param name="value">The value, finite, or null when missing.</param>
    /// <exception cref="ArgumentException">An id or name is blank, or the value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined.</exception>
    public Observation(string subject, ArmRole arm, string outcome, TimePoint time, double? value)
    {
        Subject = Guard.NotBlank(subject).Trim();
        Arm = Guard.Defined(arm);
        Outcome = Guard.NotBlank(outcome).Trim();
        Time = Guard.Defined(time);
        if (value is double v)
        {
            Guard.Finite(v, nameof(value));
        }

        Value = value;
    }

    /// <summary>The subject id.</summary>
    public string Subject { get; }

    /// <summary>The subject's arm.</summary>
    public ArmRole Arm { get; }

    /// <summary>The outcome's name.</summary>
    public string Outcome { get; }

    /// <summary>When the value was measured.</summary>
    public TimePoint Time { get; }

    /// <summary>The value, or null when missing.</summary>
    public double? Value { get; }
}

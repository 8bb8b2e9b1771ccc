using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

using MscStats.Results;

namespace MscStats.Internal.Validation;

/// <summary>
/// The one place where arguments are checked. Every failure is a BCL exception that names the
/// parameter, shows the offending value in invariant culture and states the allowed range.
/// </summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return value;
    }

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("must not be empty or white space.", paramName);
        }

        return value;
    }

    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "must be a finite number, not " + Format(value) + ".");
        }

        return value;
    }

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        Finite(value, paramName);
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "must be >= 0, not " + Format(value) + ".");
        }

        return value;
    }

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "must be >= 0, not " + Format(value) + ".");
        }

        return value;
    }

    public static int AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "must be >= " + Format(minimum) + ", not " + Format(value) + ".");
        }

        return value;
    }

    public static int InRange(int value, int minimum, int maximum, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, "must be in [" + Format(minimum) + ", " + Format(maximum) + "], not " + Format(value) + ".");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="value"/> lies strictly inside (<paramref name="lower"/>, <paramref name="upper"/>).</summary>
    public static double OpenInterval(double value, double lower, double upper, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value > lower && value < upper))
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, "must be in (" + Format(lower) + ", " + Format(upper) + "), not " + Format(value) + ".");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="value"/> lies in [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    public static double ClosedInterval(double value, double lower, double upper, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= lower && value <= upper))
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, "must be in [" + Format(lower) + ", " + Format(upper) + "], not " + Format(value) + ".");
        }

        return value;
    }

    /// <summary>Checks that every element is finite; the message names the first offending index and value.</summary>
    public static void AllFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    "must contain only finite numbers; element [" + Format(i) + "] is " + Format(values[i]) + ".", paramName);
            }
        }
    }

    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "is not a defined " + typeof(TEnum).Name + " value.");
        }

        return value;
    }

    /// <summary>Checks that no two elements are equal under <paramref name="comparer"/>; names the first duplicate.</summary>
    public static void Distinct(IReadOnlyList<string> values, StringComparer comparer, string paramName)
    {
        var seen = new HashSet<string>(comparer);
        for (int i = 0; i < values.Count; i++)
        {
            if (!seen.Add(values[i]))
            {
                throw new ArgumentException(
                    "must not contain duplicates; '" + values[i] + "' appears again at element [" + Format(i) + "].", paramName);
            }
        }
    }

    /// <summary>Accepts only the listed values of an enum (for example the two-sided rules a test can apply), naming the allowed ones.</summary>
    public static TEnum OneOf<TEnum>(TEnum value, string paramName, params TEnum[] allowed)
        where TEnum : struct, Enum
        => Array.IndexOf(allowed, value) >= 0
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, "must be one of " + string.Join(", ", allowed) + " here.");

    /// <summary>Rejects an option that the rest of the options make meaningless, with a message stating why.</summary>
    public static void Requires(bool condition, string message, string paramName)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>Rejects the default (zero) confidence level, which a caller gets from <c>default</c> or an unset field.</summary>
    public static ConfidenceLevel Level(ConfidenceLevel value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value.Value == 0 ? throw new ArgumentException("must be a valid confidence level, not default.", paramName) : value;

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}

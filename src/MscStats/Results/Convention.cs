
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// One convention that changes a number, recorded on the result that used it: for example
/// <c>two-sided = minimum likelihood</c>, <c>ties = mid-ranks</c>, <c>sd = n - 1 denominator</c>.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed record Convention
{
    /// <summary>Creates a convention entry.</summary>
    /// <param name="name">What the convention is about, in lower case (see <see cref="ConventionNames"/>).</param>
    /// <param name="value">The choice made.</param>
    /// <exception cref="System.ArgumentException"><paramref name="name"/> or <paramref name="value"/> is blank.</exception>
    public Convention(string name, string value)
    {
        Name = Guard.NotBlank(name);
        Value = Guard.NotBlank(value);
    }

    /// <summary>What the convention is about.</summary>
    public string Name { get; }

    /// <summary>The choice made.</summary>
    public string Value { get; }

    /// <summary>The invariant report form <c>name = value</c>.</summary>
    public override string ToString() => Name + " = " + Value;
}

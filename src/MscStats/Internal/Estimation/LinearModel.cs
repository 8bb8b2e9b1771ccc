using System;
using MathNet.Numerics.LinearAlgebra;

namespace MscStats.Internal.Estimation;

/// <summary>The heteroskedasticity-consistent covariance estimators (MacKinnon and White 1985; Long and Ervin 2000).</summary>
internal enum RobustType
{
    /// <summary>ω = 1/(1 − h): unbiased under homoskedasticity; the default of estimatr's <c>lm_robust</c>.</summary>
    HC2,

    /// <summary>ω = 1/(1 − h)²: a jackknife approximation, the most conservative in small samples.</summary>
    HC3,
}

/// <summary>
/// An ordinary least-squares fit by the thin QR decomposition (MathNet.Numerics): coefficients, residuals, leverages and
/// the classical and HC2/HC3 variances of a coefficient, each as the squared norm of the coefficient's influence vector
/// c = Q R⁻ᵀ eⱼ (so β̂ⱼ = Σ cᵢ yᵢ).
/// </summary>
internal sealed class LinearModel
{
    private readonly Matrix<double> _q;
    private readonly Matrix<double> _rInverse;

    private LinearModel(Matrix<double> q, Matrix<double> rInverse, double[] coefficients, double[] residuals, double[] leverages)
    {
        _q = q;
        _rInverse = rInverse;
        Coefficients = coefficients;
        Residuals = residuals;
        Leverages = leverages;
    }

    /// <summary>The coefficients, in the design's column order.</summary>
    public double[] Coefficients { get; }

    /// <summary>The residuals y − Xβ̂.</summary>
    public double[] Residuals { get; }

    /// <summary>The leverages hᵢ, the diagonal of the hat matrix.</summary>
    public double[] Leverages { get; }

    /// <summary>The number of observations.</summary>
    public int N => Residuals.Length;

    /// <summary>The number of coefficients.</summary>
    public int P => Coefficients.Length;

    /// <summary>The residual degrees of freedom N − p.</summary>
    public int ResidualDf => N - P;

    /// <summary>The residual variance RSS/(N − p).</summary>
    public double ResidualVariance
    {
        get
        {
            double rss = 0;
            foreach (double r in Residuals)
            {
                rss += r * r;
            }

            return rss / ResidualDf;
        }
    }

    /// <summary>
    /// The index of the first column that is (numerically) a linear combination of the columns before it, or −1 when the
    /// design has full column rank. The relative tolerance is 1e-9 of the column's norm.
    /// </summary>
    public static int FirstDependentColumn(double[,] design)
    {
        var x = Matrix<double>.Build.DenseOfArray(design);
        int p = x.ColumnCount;
        if (x.RowCount < p)
        {
            return x.RowCount;
        }

        var r = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R;
        for (int j = 0; j < p; j++)
        {
            double norm = x.Column(j).L2Norm();
            if (!(Math.Abs(r[j, j]) > 1e-9 * Math.Max(norm, double.Epsilon)))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Fits y on the design (which must have full column rank; check with <see cref="FirstDependentColumn"/>).</summary>
    public static LinearModel Fit(double[,] design, ReadOnlySpan<double> y)
    {
        var x = Matrix<double>.Build.DenseOfArray(design);
        var qr = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var q = qr.Q;
        var rInverse = qr.R.Inverse();
        var yv = Vector<double>.Build.DenseOfArray(y.ToArray());
        var qty = q.TransposeThisAndMultiply(yv);
        var beta = (rInverse * qty).ToArray();
        int n = x.RowCount, p = x.ColumnCount;
        var residuals = new double[n];
        var leverages = new double[n];
        for (int i = 0; i < n; i++)
        {
            double fitted = 0, h = 0;
            for (int j = 0; j < p; j++)
            {
                fitted += x[i, j] * beta[j];
                h += q[i, j] * q[i, j];
            }

            residuals[i] = y[i] - fitted;
            leverages[i] = h;
        }

        return new LinearModel(q, rInverse, beta, residuals, leverages);
    }

    /// <summary>The influence vector c of coefficient j: β̂ⱼ = Σᵢ cᵢ yᵢ.</summary>
    public double[] Influence(int j)
    {
        var c = new double[N];
        for (int i = 0; i < N; i++)
        {
            double sum = 0;
            for (int k = j; k < P; k++)
            {
                sum += _q[i, k] * _rInverse[j, k];
            }

            c[i] = sum;
        }

        return c;
    }

    /// <summary>The classical variance s²·(XᵀX)⁻¹ⱼⱼ of coefficient j.</summary>
    public double ClassicalVariance(int j)
    {
        double sum = 0;
        for (int k = j; k < P; k++)
        {
            sum += _rInverse[j, k] * _rInverse[j, k];
        }

        return ResidualVariance * sum;
    }

    /// <summary>
    /// The HC2 or HC3 variance Σ cᵢ² eᵢ² ωᵢ of coefficient j, or NaN when a subject has leverage 1 (its weight is
    /// undefined); as <c>sandwich::vcovHC</c>.
    /// </summary>
    public double RobustVariance(int j, RobustType type)
    {
        var c = Influence(j);
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            double oneMinusH = 1 - Leverages[i];
            if (!(oneMinusH > 1e-10))
            {
                return double.NaN;
            }

            double w = type == RobustType.HC2 ? 1 / oneMinusH : 1 / (oneMinusH * oneMinusH);
            sum += c[i] * c[i] * Residuals[i] * Residuals[i] * w;
        }

        return sum;
    }

    /// <summary>The largest leverage.</summary>
    public double MaxLeverage
    {
        get
        {
            double max = 0;
            foreach (double h in Leverages)
            {
                max = Math.Max(max, h);
            }

            return max;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Results;

namespace MscStats.Internal.Estimation;

/// <summary>What a baseline-adjusted analysis does with the baseline.</summary>
internal enum BaselineUse
{
    /// <summary>Regress on it (ANCOVA): y ~ arm + baseline + further covariates.</summary>
    Covariate,

    /// <summary>Subtract it (change score): y − x ~ arm.</summary>
    Subtract,

    /// <summary>Ignore it (follow-up only): y ~ arm.</summary>
    Ignore,
}

/// <summary>
/// The regression data of a <see cref="BaselineSample"/>: the response, the arm indicator and the covariate columns,
/// checked for collinearity, with the Frisch–Waugh–Lovell pieces the randomization kernel runs on: e, the residuals of
/// the response on [1, covariates]; f, those of the observed arm indicator; and q, an orthonormal basis of the centred
/// covariates. For any assignment T the ANCOVA coefficient is Σ_T e / (n₁n₂/N − Σⱼ (Σ_T qⱼ)²).
/// </summary>
internal sealed class AdjustedDesign
{
    private AdjustedDesign(
        double[] response, double[] arm, double[][] covariates, string[] names, List<Diagnostic> diagnostics, int treatedCount, int responseShift = 0)
    {
        ResponseShift = responseShift;
        Response = response;
        Arm = arm;
        Covariates = covariates;
        CovariateNames = names;
        Diagnostics = diagnostics;
        TreatedCount = treatedCount;
    }

    /// <summary>The response (follow-up, or the change).</summary>
    public double[] Response { get; }

    /// <summary>The observed arm indicator (1 treated).</summary>
    public double[] Arm { get; }

    /// <summary>The covariate columns (baseline first when it is one), uncentred.</summary>
    public double[][] Covariates { get; }

    /// <summary>The covariates' names.</summary>
    public string[] CovariateNames { get; }

    /// <summary>Soft problems met while building the design (a constant baseline).</summary>
    public List<Diagnostic> Diagnostics { get; }

    /// <summary>The observed number treated (the first subjects).</summary>
    public int TreatedCount { get; }

    /// <summary>The number of subjects.</summary>
    public int N => Response.Length;

    /// <summary>The number of covariates.</summary>
    public int K => Covariates.Length;

    /// <summary>Builds and checks the design.</summary>
    /// <exception cref="ArgumentException">Covariates are collinear with each other or with the arm; the message names them.</exception>
    public static AdjustedDesign Create(BaselineSample sample, BaselineUse use, string paramName)
    {
        int n = sample.Count;
        var y = sample.FollowUp.ToArray();
        var x = sample.Baseline.ToArray();
        var diagnostics = new List<Diagnostic>();
        var columns = new List<double[]>();
        var names = new List<string>();
        int shift = 0;
        if (use == BaselineUse.Subtract)
        {
            bool finite = true;
            for (int i = 0; i < n; i++)
            {
                finite &= double.IsFinite(y[i] - x[i]);
            }

            // A change of values near ±1.8e308 can overflow: the changes are then formed from the values divided by 2^k.
            shift = finite ? 0 : ArmMoments.ChangeExponent(y, x);
            ArmMoments.Changes(y, x, shift, y);
        }

        if (use == BaselineUse.Covariate)
        {
            if (x.All(v => v == x[0]))
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.ConstantBaseline,
                    "the baseline is constant (" + Validation.Guard.Format(x[0]) + "), so it cannot be adjusted for: the analysis reduces to the follow-up comparison"));
            }
            else
            {
                columns.Add(x);
                names.Add("baseline");
            }

            foreach (var covariate in sample.Covariates)
            {
                columns.Add(sample.Subjects.Select(s => covariate.Values[s]).ToArray());
                names.Add(covariate.Name);
            }
        }

        var arm = new double[n];
        for (int i = 0; i < sample.TreatedCount; i++)
        {
            arm[i] = 1;
        }

        var design = new AdjustedDesign(y, arm, columns.ToArray(), names.ToArray(), diagnostics, sample.TreatedCount, shift);
        design.CheckRank(paramName);
        return design;
    }

    /// <summary>
    /// The power-of-two exponent of the response's unit: 0 when its largest magnitude lies within [2^−400, 2^400] (ordinary
    /// data, fitted as they are), otherwise its binary exponent (<see cref="ArmMoments.ExponentFor"/>).
    /// </summary>
    public int ResponseExponent => ResponseShift + ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(Response));

    /// <summary>
    /// The power of two <see cref="Response"/> is already divided by: 0, except for changes of values near ±1.8e308 (which
    /// would overflow) and for a <see cref="Scaled"/> design.
    /// </summary>
    public int ResponseShift { get; }

    /// <summary>The power-of-two exponent of each covariate column's unit, chosen as <see cref="ResponseExponent"/>.</summary>
    public int[] CovariateExponents => Covariates.Select(c => ArmMoments.ExponentFor(ArmMoments.LargestMagnitude(c))).ToArray();

    /// <summary>
    /// The design with the data's response divided by 2^<paramref name="response"/> and covariate j by 2^covariates[j] (exact):
    /// the arm coefficient and its standard errors come out in units of 2^response, covariate j's slope in units of
    /// 2^(response − covariates[j]), and no residual or coefficient squared in the fit leaves double precision.
    /// </summary>
    public AdjustedDesign Scaled(int response, int[] covariates)
        => response == ResponseShift && covariates.All(k => k == 0)
            ? this
            : new AdjustedDesign(
                ArmMoments.Scaled(Response, response - ResponseShift), Arm, Covariates.Select((c, j) => ArmMoments.Scaled(c, covariates[j])).ToArray(), CovariateNames,
                Diagnostics, TreatedCount, response);

    /// <summary>The ANCOVA design matrix [1, arm, covariates].</summary>
    public double[,] Matrix()
    {
        var m = new double[N, K + 2];
        for (int i = 0; i < N; i++)
        {
            m[i, 0] = 1;
            m[i, 1] = Arm[i];
            for (int j = 0; j < K; j++)
            {
                m[i, j + 2] = Covariates[j][i];
            }
        }

        return m;
    }

    /// <summary>
    /// Lin's (2013) interacted design [1, arm, c, arm·c] with every covariate c centred at its mean over all subjects, so
    /// the arm coefficient is the adjusted difference at the covariate means.
    /// </summary>
    public double[,] InteractedMatrix()
    {
        var m = new double[N, 2 * K + 2];
        for (int j = 0; j < K; j++)
        {
            double mean = Covariates[j].Average();
            for (int i = 0; i < N; i++)
            {
                double c = Covariates[j][i] - mean;
                m[i, j + 2] = c;
                m[i, K + j + 2] = Arm[i] * c;
            }
        }

        for (int i = 0; i < N; i++)
        {
            m[i, 0] = 1;
            m[i, 1] = Arm[i];
        }

        return m;
    }

    /// <summary>
    /// The Frisch–Waugh–Lovell pieces: e (response residuals on [1, covariates]), f (observed-arm residuals) and the
    /// orthonormal basis q of the centred covariates (modified Gram–Schmidt, twice for stability).
    /// </summary>
    public (double[] E, double[] F, double[][] Q) Projections()
    {
        var q = new double[K][];
        for (int j = 0; j < K; j++)
        {
            var v = Centre(Covariates[j]);
            for (int pass = 0; pass < 2; pass++)
            {
                for (int l = 0; l < j; l++)
                {
                    double dot = Dot(v, q[l]);
                    for (int i = 0; i < N; i++)
                    {
                        v[i] -= dot * q[l][i];
                    }
                }
            }

            double norm = Math.Sqrt(Dot(v, v));
            for (int i = 0; i < N; i++)
            {
                v[i] /= norm;
            }

            q[j] = v;
        }

        return (Residualize(Response, q), Residualize(Arm, q), q);
    }

    private static double[] Residualize(double[] values, double[][] q)
    {
        var r = Centre(values);
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (var column in q)
            {
                double dot = Dot(r, column);
                for (int i = 0; i < r.Length; i++)
                {
                    r[i] -= dot * column[i];
                }
            }
        }

        return r;
    }

    private static double[] Centre(double[] values)
    {
        double mean = values.Average();
        return values.Select(v => v - mean).ToArray();
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private void CheckRank(string paramName)
    {
        if (K == 0)
        {
            return;
        }

        // [1, covariates]: a covariate that is constant or a combination of the others. Rank does not change when a column
        // is divided by a power of two, so each is taken in its own unit (none for ordinary data) and its norm cannot overflow.
        var exponents = CovariateExponents;
        var withoutArm = new double[N, K + 1];
        for (int i = 0; i < N; i++)
        {
            withoutArm[i, 0] = 1;
            for (int j = 0; j < K; j++)
            {
                withoutArm[i, j + 1] = Math.ScaleB(Covariates[j][i], -exponents[j]);
            }
        }

        int dependent = LinearModel.FirstDependentColumn(withoutArm);
        if (dependent >= 0)
        {
            string what = dependent >= N ? "there are more covariates than subjects allow"
                : dependent == 0 ? "the intercept" : "covariate '" + CovariateNames[dependent - 1] + "' is constant or a linear combination of the covariates before it ("
                  + string.Join(", ", CovariateNames.Take(dependent - 1).Prepend("intercept")) + ")";
            throw new ArgumentException("has collinear covariates: " + what + ". Drop it.", paramName);
        }

        if (N - K - 2 < 1)
        {
            throw new ArgumentException(
                "has " + N + " subjects for " + K + " covariates; an ANCOVA needs at least K + 3 subjects for a residual variance.", paramName);
        }

        var full = new double[N, K + 2];
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j <= K; j++)
            {
                full[i, j] = withoutArm[i, j];
            }

            full[i, K + 1] = Arm[i];
        }

        if (LinearModel.FirstDependentColumn(full) >= 0)
        {
            throw new ArgumentException(
                "has covariates collinear with the arm (" + string.Join(", ", CovariateNames)
                + "): the treatment effect cannot be separated from them, e.g. a stratum indicator that marks exactly one arm.",
                paramName);
        }
    }
}

#!/usr/bin/python3
"""Reference values for MscStats' randomization (re-randomization) tests of the ANCOVA treatment
coefficient, and the exact confidence set for a constant additive effect obtained by inverting them.

Regenerate (from the repository root; one command does everything):
    /usr/bin/python3 tools/reference/randomization.py
which runs, in this order, (1) Rscript tools/reference/ancova.R (writes the data sets to
tests/MscStats.Tests/Reference/ancova-inputs.csv, the lm / sandwich / estimatr / t.test values to
ancova.csv and seeds/anorexia-hand1994.csv; see that script), (2) the enumerations below and
(3) writes tests/MscStats.Tests/Reference/randomization.csv. Needs Rscript on PATH and the Debian
numpy (/usr/bin/python3). Takes about 5 minutes on one core (about 2 of them for the three pilot
data sets, 2 for the exact 2^16 enumerations of blocks16).

What is computed. Data (ancova-inputs.csv): y = followup, x = baseline, T_obs = treated (1/0),
covariates 'x' or 'x+z1' (the data set names <name>-z in ancova.csv and here are the rows of <name>
with covariates x + z1). For an assignment vector A (covariates and y held fixed) the model
y ~ 1 + A + covariates is refitted by brute force (normal equations of the full design, no
Frisch-Waugh-Lovell shortcut):
  * statistic 'coefficient': the coefficient of A;
  * statistic 'studentized': that coefficient / its HC2 standard error, HC2 as in
    sandwich::vcovHC(type = "HC2"): Var = sum_i w_i^2 e_i^2 / (1 - h_ii), w = the A row of
    (X'X)^-1 X', e = residuals, h_ii = leverages.
Reference sets (schemes):
  * complete: all C(N, n1) assignments with the observed number treated n1;
  * blocks / strata: all assignments with the observed number treated within every block (column
    'block') / stratum (column 'stratum'); the product of the per-block binomial coefficients;
  * simple-conditional: all 2^N vectors enumerated and filtered to sum(A) = n1 (a second route to the
    'complete' set; its counts are asserted equal to complete's);
  * simple: all 2^N vectors.
Exclusions (every scheme, so the rules are the same everywhere; they only bite where stated in the
CSV header): an assignment is left out when either arm has fewer than 2 subjects or the design
[1, A, covariates] is rank deficient (det X'X = 0, exact). For the studentized statistic an
assignment is also left out when some leverage h_ii equals 1 exactly: then e_i = 0 and the HC2 term
is 0/0 (sandwich returns NaN), so the statistic is undefined. M (the CSV column) is the number of
assignments left in the reference set for that statistic; p = count / M.
Counts and p-values:
  count_greater = #{A: stat(A) >= stat(obs)}, count_less = #{A: stat(A) <= stat(obs)},
  count_abs = #{A: |stat(A)| >= |stat(obs)|} (no centring); p_greater, p_less, p_two_abs are the
  counts / M, p_two_central = min(1, 2 min(p_greater, p_less)). The observed assignment is in every
  reference set and counts. Ties (equal statistics) count as at least as extreme, in both tails.
Exactness:
  * small data sets (blocks16, small10, slopes14, their -z variants, gap9): exact rational arithmetic
    throughout. Values are read as the decimals they are written as (Fraction('2.45') = 49/20),
    then every column is multiplied by its common denominator (the A coefficient scales with y only,
    the studentized statistic not at all). Per assignment: X'X (integers), its determinant D and
    adjugate (integers), coefficient = (adj X'y)_A / D exactly; studentized statistics are compared
    through the exact signed square sign(c) c^2 / Var (a rational), which orders them exactly.
  * pilot-oxygenation, pilot-ct, pilot-igm (12 v 13: 5,200,300 assignments; 12 v 12: 2,704,156):
    numpy float64, assignments in chunks of 100,000, batched normal-equation solves (np.linalg.inv
    of the per-assignment 3 x 3 X'X, covariate centred at its overall mean, which leaves the A
    coefficient unchanged). Tie rule: stat(A) is taken as equal to stat(obs) when
    |stat(A) - stat(obs)| <= 1e-9 |stat(obs)| (likewise |stat(A)| vs |stat(obs)|). Every assignment
    within 1e-6 (relative) of the observed value is then recomputed in exact rational arithmetic
    and its decision confirmed (the counts in the header), so the pilot counts are exact too.
    The same float code is run on all small data sets and its counts are asserted equal to the
    exact ones.
Confidence set for a constant additive effect delta (coefficient statistic only): H0(delta) is
tested by replacing y with y - delta T_obs. By linearity in the response,
stat_A(delta) = c_A - delta g_A with c_A = stat_A(y) and g_A = stat_A(T_obs) (the A coefficient with
T_obs as the response; g_obs = 1). So stat_A(delta) >= stat_obs(delta) iff a_A >= delta b_A with
a_A = c_A - c_obs, b_A = g_A - 1: for b_A > 0 iff delta <= r_A = a_A / b_A, for b_A < 0 iff
delta >= r_A, for b_A = 0 for all delta (a_A >= 0) or none. count_greater(delta) and
count_less(delta) are step functions that change only at the points r_A; the sweep evaluates them
at every distinct r_A and on every open interval between consecutive ones (and beyond the ends),
exactly (small sets; r_A are Fractions) or in float with distinct values closer than 1e-9
(relative) merged (pilot). Accepted set S(alpha) = {delta: p_greater(delta) > alpha/2 and
p_less(delta) > alpha/2} (strict, compared exactly as integers: 2 count / alpha > M).
ci95_lower = inf S, ci95_upper = sup S for alpha = 1/20 (ci90_*: alpha = 1/10); -inf/inf when S is
unbounded, nan when empty. A limit at a step point r can be attained or not (the set may be open or
closed there); only inf/sup are written. is_interval = 1 when both S(1/20) and S(1/10) are intervals
(connected); 0 otherwise (the CSV header then says which). For an unadjusted difference in means
with n1 fixed, g_A <= 1 always (b_A <= 0, p_greater(delta) non-decreasing, S an interval); with
covariates (always here: at least x) g_A > 1 is possible (b_A > 0), so p_greater(delta) need not be
monotone and S need not be an interval (the header gives the number of such assignments).
Pilot limits: the float sweep locates each limit; the assignments whose float breakpoint lies within
1e-7 (relative) of it are refitted exactly, their distinct exact breakpoints are asserted to be more
than 1e-8 apart (so the float sweep separated and ordered them correctly), and the exact value
nearest to the float limit is written.
Cross-checks (in the CSV header): the exact/float observed coefficient and studentized statistic
against R's lm coefficient and coefficient / HC2 SE in ancova.csv (max relative difference);
simple-conditional = complete; float path = exact path on the small data sets (counts and limits);
a literal recount of the confidence-set pieces (response y - delta T_obs, the A coefficient of
every assignment from a second exact solver, Gauss-Jordan on [X'X | X'], counted afresh at each
probe delta) at every piece where M <= 300 and around every finite limit where M <= 5000.
Doubles: exact rationals are rounded once to the nearest double and printed with %.17g; non-finite
as inf, -inf, nan; counts are integers; the CI cells and is_interval are empty for 'studentized'.
"""

import csv
import datetime
import itertools
import math
import platform
import subprocess
import sys
import time
from fractions import Fraction
from math import comb

import numpy as np

R_SCRIPT = "tools/reference/ancova.R"
INPUTS = "tests/MscStats.Tests/Reference/ancova-inputs.csv"
ANCOVA = "tests/MscStats.Tests/Reference/ancova.csv"
OUT = "tests/MscStats.Tests/Reference/randomization.csv"
TOL = 1e-9          # float tie tolerance (relative)
RECHECK = 1e-6      # float assignments this close (relative) to the observed value are recomputed exactly
CHUNK = 100_000
ALPHAS = ((Fraction(1, 20), "95"), (Fraction(1, 10), "90"))
LITERAL_MAX = 5000        # confidence sets checked literally (response y - delta T_obs) where M <= this
LITERAL_FULL_MAX = 300    # ... at every piece where M <= this, else around the limits

# (dataset name in the CSV, rows of ancova-inputs.csv, covariate columns, schemes, exact?)
JOBS = [
    ("pilot-oxygenation", "pilot-oxygenation", ["baseline"], ["complete"], False),
    ("pilot-ct", "pilot-ct", ["baseline"], ["complete"], False),
    ("pilot-igm", "pilot-igm", ["baseline"], ["complete"], False),
    ("blocks16", "blocks16", ["baseline"], ["complete", "blocks", "strata", "simple-conditional", "simple"], True),
    ("blocks16-z", "blocks16", ["baseline", "z1"], ["complete", "blocks", "strata", "simple-conditional", "simple"], True),
    ("small10", "small10", ["baseline"], ["complete", "simple", "simple-conditional"], True),
    ("slopes14", "slopes14", ["baseline"], ["complete"], True),
    ("slopes14-z", "slopes14", ["baseline", "z1"], ["complete"], True),
    ("gap9", "gap9", ["baseline"], ["complete", "simple-conditional", "simple"], True),
]
COVNAME = {("baseline",): "x", ("baseline", "z1"): "x+z1"}


def fmt(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return "%.17g" % x


def rel_diff(a, b):
    a, b = float(a), float(b)
    return 0.0 if a == b else abs(a - b) / max(abs(a), abs(b))


# ---------------------------------------------------------------------------------------------
# Data

def read_inputs():
    with open(INPUTS) as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    data = {}
    for r in rows:
        data.setdefault(r["dataset"], []).append(r)
    return data


def read_ancova():
    with open(ANCOVA) as fh:
        lines = fh.read().splitlines()
    comments = [l for l in lines if l.startswith("#")]
    vals = {}
    for r in csv.DictReader(l for l in lines if not l.startswith("#")):
        vals[(r["dataset"], r["quantity"])] = float(r["value"])
    return comments, vals


class Data:
    """One data set with the chosen covariates, exact (scaled integers) and float versions."""

    def __init__(self, rows, covs):
        self.N = len(rows)
        self.T = tuple(int(r["treated"]) for r in rows)
        self.n1 = sum(self.T)
        self.block = [r["block"] for r in rows]
        self.stratum = [r["stratum"] for r in rows]
        yq = [Fraction(r["followup"]) for r in rows]
        cq = [[Fraction(r[c]) for r in rows] for c in covs]
        self.k = len(covs)
        # integer versions: y and T_obs share the scale Dy; each covariate its own scale
        self.Dy = lcm_den(yq)
        self.Y = [int(v * self.Dy) for v in yq]
        self.TT = [t * self.Dy for t in self.T]
        self.C = []
        for col in cq:
            d = lcm_den(col)
            self.C.append([int(v * d) for v in col])
        # float versions
        self.yf = np.array([float(r["followup"]) for r in rows])
        cf = np.array([[float(r[c]) for r in rows] for c in covs]).T  # N x k
        self.cf = cf - cf.mean(axis=0)
        self.Tf = np.array(self.T, dtype=float)


def lcm_den(vals):
    d = 1
    for q in vals:
        d = d * q.denominator // math.gcd(d, q.denominator)
    return d


# ---------------------------------------------------------------------------------------------
# Assignment enumeration

def scheme_assignments(data, scheme):
    N, n1 = data.N, data.n1
    if scheme == "complete":
        for S in itertools.combinations(range(N), n1):
            a = [0] * N
            for i in S:
                a[i] = 1
            yield tuple(a)
    elif scheme in ("blocks", "strata"):
        lab = data.block if scheme == "blocks" else data.stratum
        assert all(lab), scheme
        groups = {}
        for i, g in enumerate(lab):
            groups.setdefault(g, []).append(i)
        parts = [list(itertools.combinations(idx, sum(data.T[i] for i in idx))) for idx in groups.values()]
        for choice in itertools.product(*parts):
            a = [0] * N
            for S in choice:
                for i in S:
                    a[i] = 1
            yield tuple(a)
    elif scheme in ("simple", "simple-conditional"):
        for a in itertools.product((0, 1), repeat=N):
            if scheme == "simple" or sum(a) == n1:
                yield a
    else:
        raise ValueError(scheme)


def scheme_size(data, scheme):
    if scheme in ("complete", "simple-conditional"):
        return comb(data.N, data.n1)
    if scheme == "simple":
        return 2 ** data.N
    lab = data.block if scheme == "blocks" else data.stratum
    out = 1
    for g in set(lab):
        idx = [i for i in range(data.N) if lab[i] == g]
        out *= comb(len(idx), sum(data.T[i] for i in idx))
    return out


# ---------------------------------------------------------------------------------------------
# Exact refit (integers / Fractions)

def det(M):
    n = len(M)
    if n == 1:
        return M[0][0]
    if n == 2:
        return M[0][0] * M[1][1] - M[0][1] * M[1][0]
    if n == 3:
        return (M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1])
                - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
                + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]))
    return sum((-1) ** j * M[0][j] * det([row[:j] + row[j + 1:] for row in M[1:]]) for j in range(n) if M[0][j])


def adjugate(M):
    n = len(M)
    adj = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            minor = [row[:i] + row[i + 1:] for r, row in enumerate(M) if r != j]
            adj[i][j] = (-1) ** (i + j) * det(minor)
    D = sum(M[0][j] * adj[j][0] for j in range(n))
    return adj, D


def exact_fit(data, A):
    """Refit y ~ 1 + A + covariates for assignment A in exact arithmetic.
    Returns None if excluded (arm < 2 or rank deficient), else dict with
    c (Fraction, coefficient of A in y units), g (Fraction, coefficient with T_obs as response),
    sq (Fraction, signed square of the studentized statistic, or None if a leverage is 1)."""
    N = data.N
    n1 = sum(A)
    if n1 < 2 or N - n1 < 2:
        return None
    rows = [[1, A[i]] + [col[i] for col in data.C] for i in range(N)]
    p = len(rows[0])
    G = [[sum(r[a] * r[b] for r in rows) for b in range(p)] for a in range(p)]
    adj, D = adjugate(G)
    if D == 0:
        return None
    assert D > 0
    Xty = [sum(r[a] * yv for r, yv in zip(rows, data.Y)) for a in range(p)]
    Xtt = [sum(r[a] * tv for r, tv in zip(rows, data.TT)) for a in range(p)]
    bnum = [sum(adj[a][b] * Xty[b] for b in range(p)) for a in range(p)]
    gnum = sum(adj[1][b] * Xtt[b] for b in range(p))
    Cn = bnum[1]
    # HC2: Var = sum W_i^2 E_i^2 / (D^3 (D - H_i)); stat^2 = Cn^2 D / S, S = sum W_i^2 E_i^2 / (D - H_i)
    num, den = 0, 1
    lev1 = False
    for r, yv in zip(rows, data.Y):
        v = [sum(adj[a][b] * r[b] for b in range(p)) for a in range(p)]
        H = sum(r[a] * v[a] for a in range(p))
        E = D * yv - sum(r[a] * bnum[a] for a in range(p))
        d = D - H
        if d == 0:
            assert E == 0
            lev1 = True
            continue
        t = v[1] * v[1] * E * E
        num = num * d + t * den
        den *= d
    sq = None
    if not lev1 and num != 0:
        q = Fraction(Cn * Cn * D * den, num)
        sq = q if Cn >= 0 else -q
    return {"c": Fraction(Cn, D * data.Dy), "g": Fraction(gnum, D * data.Dy), "sq": sq}


# ---------------------------------------------------------------------------------------------
# Float refit (numpy, batched)

def float_fit(data, A):
    """A: (m, N) 0/1 float array. Returns coefficient, studentized statistic and g (float arrays)."""
    m, N = A.shape
    X = np.empty((m, N, 2 + data.k))
    X[:, :, 0] = 1.0
    X[:, :, 1] = A
    X[:, :, 2:] = data.cf[None, :, :]
    G = np.einsum("mni,mnj->mij", X, X)
    Gi = np.linalg.inv(G)
    np.seterr(divide="ignore", invalid="ignore")   # leverage-1 assignments (excluded from 'studentized' anyway)
    Xty = np.einsum("mni,n->mi", X, data.yf)
    Xtt = np.einsum("mni,n->mi", X, data.Tf)
    b = np.einsum("mij,mj->mi", Gi, Xty)
    g = np.einsum("mj,mj->m", Gi[:, 1, :], Xtt)
    V = np.einsum("mij,mnj->mni", Gi, X)          # rows (X'X)^-1 x_n
    h = np.einsum("mni,mni->mn", V, X)
    e = data.yf[None, :] - np.einsum("mni,mi->mn", X, b)
    var = np.einsum("mn,mn->m", V[:, :, 1] ** 2, e ** 2 / (1.0 - h))
    c = b[:, 1]
    return c, c / np.sqrt(var), g


def index_chunks_complete(N, n1):
    it = itertools.combinations(range(N), n1)
    while True:
        block = list(itertools.islice(it, CHUNK))
        if not block:
            return
        idx = np.array(block, dtype=np.intp)
        A = np.zeros((len(block), N))
        A[np.arange(len(block))[:, None], idx] = 1.0
        yield A


# ---------------------------------------------------------------------------------------------
# Confidence-set sweep

def sweep(rp, rn, G0, L0, M, alpha):
    """Exact sweep. rp: breakpoints r_A (Fractions) with b_A > 0; rn: with b_A < 0; G0 = #{b = 0, a >= 0},
    L0 = #{b = 0, a <= 0}; M = size of the reference set. Returns (L, U, is_interval).
    A piece (open interval or point) is accepted iff count_greater / M > alpha / 2 and
    count_less / M > alpha / 2, compared as integers: 2 count / alpha > M."""
    vals = sorted(set(rp) | set(rn))
    K = len(vals)
    pos = {v: i for i, v in enumerate(vals)}
    P = [0] * K
    Nn = [0] * K
    for v in rp:
        P[pos[v]] += 1
    for v in rn:
        Nn[pos[v]] += 1
    totP, totN = sum(P), sum(Nn)
    inv = 1 / alpha
    assert inv.denominator == 1
    inv = int(inv)

    def ok(cg, cl):
        return 2 * cg * inv > M and 2 * cl * inv > M
    # pieces in order: (-inf, v0), {v0}, (v0, v1), {v1}, ..., {v_K-1}, (v_K-1, inf)
    # b > 0 counts in 'greater' iff delta <= r, in 'less' iff delta >= r; b < 0 the other way round
    pieces = [ok(G0 + totP, L0 + totN)]
    p_le = n_le = 0   # #{b > 0, r <= v_j-1}, #{b < 0, r <= v_j-1}
    for j in range(K):
        pieces.append(ok(G0 + (totP - p_le) + (n_le + Nn[j]), L0 + (p_le + P[j]) + (totN - n_le)))
        p_le += P[j]
        n_le += Nn[j]
        pieces.append(ok(G0 + (totP - p_le) + n_le, L0 + p_le + (totN - n_le)))
    return limits(pieces, vals) + (pieces,)


def describe(pieces, vals):
    """The accepted set as a union of intervals, e.g. '[-5.94, 20.6] U [22, 23]' (bracket: limit attained)."""
    K = len(vals)
    out = []
    i = 0
    while i < len(pieces):
        if not pieces[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(pieces) and pieces[j + 1]:
            j += 1
        lo = "(-inf" if i == 0 else ("[" if i % 2 else "(") + fmt(vals[(i - 1) // 2])
        hi = "inf)" if j == 2 * K else fmt(vals[j // 2]) + ("]" if j % 2 else ")")
        out.append(lo + ", " + hi)
        i = j + 1
    return " U ".join(out) if out else "empty"


def limits(pieces, vals):
    """inf / sup of the accepted pieces and whether they form one connected set."""
    K = len(vals)
    acc = [i for i, a in enumerate(pieces) if a]
    if not acc:
        return math.nan, math.nan, False
    first, last = acc[0], acc[-1]
    L = -math.inf if first == 0 else vals[(first - 1) // 2]   # piece 2j+1 = {v_j}, 2j+2 = (v_j, v_j+1)
    U = math.inf if last == 2 * K else vals[last // 2]
    return L, U, all(pieces[first:last + 1])


# ---------------------------------------------------------------------------------------------

def exact_job(data, scheme):
    """Exact refits of every assignment of the scheme. Returns per-statistic results."""
    obs = exact_fit(data, data.T)
    fits = []
    total = 0
    excl_design = 0
    for A in scheme_assignments(data, scheme):
        total += 1
        f = exact_fit(data, A)
        if f is None:
            excl_design += 1
            continue
        fits.append((A, f))
    assert total == scheme_size(data, scheme)
    assert any(A == data.T for A, _ in fits)
    res = {}
    # coefficient
    c0 = obs["c"]
    cs = [f["c"] for _, f in fits]
    M = len(cs)
    ge = sum(1 for c in cs if c >= c0)
    le = sum(1 for c in cs if c <= c0)
    ab = sum(1 for c in cs if abs(c) >= abs(c0))
    eq = sum(1 for c in cs if c == c0)
    cis = {}
    rp, rn = [], []
    G0 = L0 = 0
    for _, f in fits:
        a = f["c"] - c0
        b = f["g"] - 1
        if b > 0:
            rp.append(a / b)
        elif b < 0:
            rn.append(a / b)
        else:
            G0 += a >= 0
            L0 += a <= 0
    for alpha, lab in ALPHAS:
        cis[lab] = sweep(rp, rn, G0, L0, M, alpha)
    res["vals"] = sorted(set(rp) | set(rn))
    res["coefficient"] = dict(M=M, ge=ge, le=le, ab=ab, eq=eq, obs=c0, cis=cis, excluded=total - M,
                              excl_design=excl_design, n_g_above_1=len(rp))
    # studentized
    s0 = obs["sq"]
    ss = [f["sq"] for _, f in fits if f["sq"] is not None]
    Ms = len(ss)
    res["studentized"] = dict(M=Ms, ge=sum(1 for s in ss if s >= s0), le=sum(1 for s in ss if s <= s0),
                              ab=sum(1 for s in ss if abs(s) >= abs(s0)), eq=sum(1 for s in ss if s == s0),
                              obs=math.copysign(math.sqrt(float(abs(s0))), s0),
                              excluded=total - Ms, excl_design=excl_design, lev1=M - Ms)
    res["fits"] = fits
    res["total"] = total
    return res


def float_counts(c, s, g, c0, s0):
    """Counts with the relative tie tolerance, for float arrays."""
    out = {}
    for name, v, o in (("coefficient", c, c0), ("studentized", s, s0)):
        t = TOL * abs(o)
        out[name] = dict(M=v.size, ge=int(np.count_nonzero(v >= o - t)), le=int(np.count_nonzero(v <= o + t)),
                         ab=int(np.count_nonzero(np.abs(v) >= abs(o) - t)),
                         eq=int(np.count_nonzero(np.abs(v - o) <= t)))
    return out


def float_sweep(rp, rn, G0, L0, M, alpha, scale):
    """Vectorised version of sweep() for float breakpoints; neighbours closer than TOL * max(|v|, |scale|)
    are merged (chains of such neighbours form one group)."""
    allr = np.sort(np.concatenate([rp, rn]))
    assert allr.size > 0
    gap = np.diff(allr) > TOL * np.maximum(np.maximum(np.abs(allr[1:]), np.abs(allr[:-1])), abs(scale))
    starts = np.concatenate([[0], np.nonzero(gap)[0] + 1])
    vals = allr[starts]
    K = vals.size
    gp = np.searchsorted(allr, rp, side="left")  # position in allr; map to group via starts
    gn = np.searchsorted(allr, rn, side="left")
    grp_of_pos = np.cumsum(np.concatenate([[1], gap.astype(np.int64)])) - 1
    P = np.bincount(grp_of_pos[gp], minlength=K).astype(np.int64)
    Nn = np.bincount(grp_of_pos[gn], minlength=K).astype(np.int64)
    totP, totN = int(P.sum()), int(Nn.sum())
    inv = int(1 / alpha)
    p_le = np.cumsum(P)
    n_le = np.cumsum(Nn)
    p_lt = p_le - P
    n_lt = n_le - Nn
    cg_pt = G0 + (totP - p_lt) + n_le
    cl_pt = L0 + p_le + (totN - n_lt)
    cg_r = G0 + (totP - p_le) + n_le
    cl_r = L0 + p_le + (totN - n_le)
    acc_pt = (2 * cg_pt * inv > M) & (2 * cl_pt * inv > M)
    acc_r = (2 * cg_r * inv > M) & (2 * cl_r * inv > M)
    acc0 = 2 * (G0 + totP) * inv > M and 2 * (L0 + totN) * inv > M
    pieces = np.empty(2 * K + 1, dtype=bool)
    pieces[0] = acc0
    pieces[1::2] = acc_pt
    pieces[2::2] = acc_r
    L, U, I = limits(pieces.tolist(), vals.tolist())
    return L, U, I, vals


def main():
    t0 = time.time()
    subprocess.run(["Rscript", R_SCRIPT], check=True)
    t_r = time.time() - t0
    inputs = read_inputs()
    r_comments, rv = read_ancova()
    out_rows = []
    notes = []
    obs_diff = {"coefficient": 0.0, "studentized": 0.0}
    float_vs_exact = []
    literal_done = []
    gnotes = []
    timing = []

    for name, src, covs, schemes, exact in JOBS:
        tj = time.time()
        data = Data(inputs[src], covs)
        covname = COVNAME[tuple(covs)]
        r_coef = rv[(name, "ancova.estimate")]
        r_stud = r_coef / rv[(name, "ancova.hc2.se")]
        obs = exact_fit(data, data.T)
        obs_diff["coefficient"] = max(obs_diff["coefficient"], rel_diff(obs["c"], r_coef))
        s_obs_exact = math.copysign(math.sqrt(float(abs(obs["sq"]))), obs["sq"])
        obs_diff["studentized"] = max(obs_diff["studentized"], rel_diff(s_obs_exact, r_stud))
        by_scheme = {}
        for scheme in schemes:
            if exact:
                res = exact_job(data, scheme)
                # float path on the same included assignments, as a check of the float code
                fits = res["fits"]
                A = np.array([A for A, _ in fits], dtype=float)
                cf, sf, gf = float_fit(data, A)
                fo_c, fo_s, _ = float_fit(data, np.array([data.T], dtype=float))
                stud_ok = np.array([f["sq"] is not None for _, f in fits])
                fc = float_counts(cf, sf[stud_ok], gf, fo_c[0], fo_s[0])
                for st in ("coefficient", "studentized"):
                    for key in ("M", "ge", "le", "ab"):
                        assert fc[st][key] == res[st][key], (name, scheme, st, key, fc[st][key], res[st][key])
                for alpha, lab in ALPHAS:
                    Lf, Uf, If, _ = float_sweep(*float_ci_parts(cf, gf, fo_c[0]), res["coefficient"]["M"], alpha, fo_c[0])
                    Le, Ue, Ie, _ = res["coefficient"]["cis"][lab]
                    assert If == Ie and rel_diff(Lf, Le) < 1e-9 and rel_diff(Uf, Ue) < 1e-9 or (Lf == Le and Uf == Ue and If == Ie), \
                        (name, scheme, lab, Lf, Le, Uf, Ue, If, Ie)
                float_vs_exact.append("%s/%s" % (name, scheme))
                if res["coefficient"]["M"] <= LITERAL_MAX:
                    full = res["coefficient"]["M"] <= LITERAL_FULL_MAX
                    npr = literal_check(data, res, inputs[src], covs, full)
                    literal_done.append("%s/%s (%s, %d probes)" % (name, scheme, "all pieces" if full else "around the limits", npr))
                res_out = res
            else:
                assert scheme == "complete"
                res_out = pilot_job(data, name, notes)
            by_scheme[scheme] = res_out
            for st in ("coefficient", "studentized"):
                R = res_out[st]
                M = R["M"]
                pg, pl, pa = Fraction(R["ge"], M), Fraction(R["le"], M), Fraction(R["ab"], M)
                pc = min(Fraction(1), 2 * min(pg, pl))
                row = [name, covname, scheme, st, str(M), str(R["ge"]), str(R["le"]), str(R["ab"]),
                       fmt(pg), fmt(pl), fmt(pa), fmt(pc)]
                if st == "coefficient":
                    cis = R["cis"]
                    row += [fmt(cis["95"][0]), fmt(cis["95"][1]), fmt(cis["90"][0]), fmt(cis["90"][1]),
                            "1" if cis["95"][2] and cis["90"][2] else "0"]
                    for lab in ("95", "90"):
                        if not cis[lab][2]:
                            notes.append("%s (%s, %s): the %s%% confidence set is NOT an interval: %s; its inf and sup are written"
                                         % (name, covname, scheme, lab, describe(cis[lab][3], res_out["vals"]) if exact else "?"))
                    row.append(fmt(R["obs"]))
                else:
                    row += ["", "", "", "", ""]
                    row.append(fmt(R["obs"]))
                out_rows.append(row)
                if R["excluded"]:
                    notes.append("%s (%s, %s, %s): %d of %d assignments excluded (%s), M = %d"
                                 % (name, covname, scheme, st, R["excluded"], scheme_size(data, scheme),
                                    exclusion_text(R), M))
                if exact and R["eq"] > 1:
                    notes.append("%s (%s, %s, %s): %d assignments (the observed one included) have a statistic exactly equal to the observed"
                                 % (name, covname, scheme, st, R["eq"]))
            gnotes.append("%s/%s %d of %d" % (name, scheme, res_out["coefficient"]["n_g_above_1"], res_out["coefficient"]["M"]))
            if scheme == "simple-conditional":
                for st in ("coefficient", "studentized"):
                    a, b = by_scheme["complete"][st], by_scheme["simple-conditional"][st]
                    assert all(a[k] == b[k] for k in ("M", "ge", "le", "ab")), (name, st)
                assert all(by_scheme["complete"]["coefficient"]["cis"][lab][:3] == by_scheme["simple-conditional"]["coefficient"]["cis"][lab][:3] for lab in ("95", "90"))
                notes.append("%s: simple-conditional (2^N vectors filtered to n1 treated) = complete (combinations): identical M, counts and limits" % name)
            if exact:
                by_scheme[scheme].pop("fits", None)
        timing.append("%s %.1fs" % (name, time.time() - tj))

    # ---- write
    today = datetime.date.today().isoformat()
    rver = r_comments[0].split(" with ", 1)[1].rsplit(" on ", 1)[0] if r_comments else "?"
    header = [
        "# Produced by tools/reference/randomization.py (which first runs tools/reference/ancova.R) on %s." % today,
        "# Python %s, numpy %s (exact arithmetic: fractions.Fraction / Python integers); tools/reference/ancova.R with %s." % (
            platform.python_version(), np.__version__, rver),
        "# Data: tests/MscStats.Tests/Reference/ancova-inputs.csv; dataset names as in ancova.csv (<name>-z = rows of <name>, covariates x + z1). covariates: x = baseline; x+z1 = baseline and z1.",
        "# Statistic for an assignment vector A (y and covariates fixed): refit y ~ 1 + A + covariates (normal equations of the full design); 'coefficient' = the A coefficient; 'studentized' = coefficient / HC2 SE with HC2 as sandwich::vcovHC(type = 'HC2'). observed = the statistic for the observed assignment.",
        "# Schemes: complete = all C(N, n1) assignments with n1 treated; blocks / strata = the observed number treated within every block / stratum; simple-conditional = all 2^N vectors filtered to n1 treated (must equal complete); simple = all 2^N vectors.",
        "# Exclusions (all schemes): either arm with fewer than 2 subjects, or [1, A, covariates] rank deficient (det X'X = 0 exactly); for 'studentized' also any leverage h_ii = 1 exactly (HC2 term 0/0, statistic undefined). M = number of assignments kept for that statistic; p = count / M.",
        "# count_greater = #{stat(A) >= stat(obs)}, count_less = #{stat(A) <= stat(obs)}, count_abs = #{|stat(A)| >= |stat(obs)|}; p_two_central = min(1, 2 min(p_greater, p_less)). Ties (equal statistics) count as at least as extreme, in both tails.",
        "# Ties decided exactly: small data sets in exact rational arithmetic on the decimal values of the inputs (studentized via the exact signed square sign(c) c^2 / Var_HC2). pilot-* in numpy float64 with tie tolerance |stat(A) - stat(obs)| <= %g |stat(obs)|; every assignment within %g (relative) of the observed value was recomputed exactly and its decision confirmed." % (TOL, RECHECK),
        "# Confidence set (coefficient only): H0(delta) tested with y - delta * T_obs; S(alpha) = {delta: p_greater(delta) > alpha/2 and p_less(delta) > alpha/2}; ci95_* = inf/sup S(1/20), ci90_* = inf/sup S(1/10) (-inf/inf if unbounded). stat_A(delta) = c_A - delta g_A (g_A = A coefficient with T_obs as the response), so p changes only at r_A = (c_A - c_obs)/(g_A - 1); swept exactly over all r_A (pilot: float, values within %g relative merged)." % TOL,
        "# is_interval = 1 when both S(1/20) and S(1/10) are connected, else 0 (g_A > 1 is possible, so p_greater(delta) need not be monotone). The limits are inf/sup; whether they are attained is not recorded.",
        "# Check: observed coefficient vs R lm (ancova.csv ancova.estimate): max relative difference %.3g; observed studentized vs R ancova.estimate / ancova.hc2.se: %.3g." % (
            obs_diff["coefficient"], obs_diff["studentized"]),
        "# Check: the float (numpy) code gives the same counts (M, count_greater, count_less, count_abs, both statistics) and the same limits (relative 1e-9) and is_interval as the exact code on: %s." % ", ".join(float_vs_exact),
    ]
    header.append("# Check: acceptance of the confidence-set pieces recomputed literally (response y - delta T_obs, A coefficient of every assignment from a second exact solver, counted afresh at each probe delta): agrees with the sweep on %s." % ", ".join(literal_done))
    header.append("# Assignments with g_A > 1 (b_A > 0: stat_A(delta) >= stat_obs(delta) iff delta <= r_A, the opposite direction to the usual g_A < 1, so p_greater(delta) need not be monotone), per data set/scheme (count of M): %s." % ", ".join(gnotes))
    header += ["# Note: %s." % n for n in notes]
    header += ["# Run time: R %.1fs; %s; total %.0fs." % (t_r, "; ".join(timing), time.time() - t0)]
    cols = ["dataset", "covariates", "scheme", "statistic", "M", "count_greater", "count_less", "count_abs",
            "p_greater", "p_less", "p_two_abs", "p_two_central", "ci95_lower", "ci95_upper", "ci90_lower",
            "ci90_upper", "is_interval", "observed"]
    with open(OUT, "w", newline="") as fh:
        for h in header:
            fh.write(h + "\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(cols)
        w.writerows(out_rows)
    print("wrote %s (%d rows) in %.0fs" % (OUT, len(out_rows), time.time() - t0))


def coef_row(rows):
    """The A row of (X'X)^-1 X' (so that the A coefficient of a response v is its dot product with v), by
    Gauss-Jordan elimination of [X'X | X'] in Fractions: a second exact solver, independent of the
    adjugate code in exact_fit."""
    p, n = len(rows[0]), len(rows)
    G = [[sum(Fraction(r[a]) * r[b] for r in rows) for b in range(p)] + [Fraction(r[a]) for r in rows] for a in range(p)]
    for col in range(p):
        piv = next(i for i in range(col, p) if G[i][col] != 0)
        G[col], G[piv] = G[piv], G[col]
        pv = G[col][col]
        G[col] = [v / pv for v in G[col]]
        for i in range(p):
            if i != col and G[i][col] != 0:
                f = G[i][col]
                G[i] = [u - f * w for u, w in zip(G[i], G[col])]
    return G[1][p:]


def literal_check(data, res, rows_in, covs, full):
    """Recompute the acceptance of pieces of the confidence set literally: for a probe delta replace y by
    y - delta T_obs, compute the A coefficient of every assignment of the reference set from that
    response, and count. full: every piece (each breakpoint, a point inside every gap, one beyond each
    end); otherwise the pieces around every finite limit (3 breakpoints each side and the gaps between).
    Asserts agreement with the sweep; returns the number of probes."""
    y = [Fraction(r["followup"]) for r in rows_in]
    cov = [[Fraction(r[c]) for c in covs] for r in rows_in]
    assign = [A for A, _ in res["fits"]]
    M = len(assign)
    W = [coef_row([[1, A[i]] + cov[i] for i in range(data.N)]) for A in assign]
    obs_i = assign.index(data.T)
    vals = res["vals"]
    K = len(vals)
    pieces = {}
    for lab, (L, U, I, pc) in res["coefficient"]["cis"].items():
        if full:
            idx = range(2 * K + 1)
        else:
            idx = set()
            for v in (L, U):
                if isinstance(v, Fraction):
                    j = vals.index(v)
                    idx.update(range(max(0, 2 * j + 1 - 6), min(2 * K, 2 * j + 1 + 6) + 1))
        for i in idx:
            pieces.setdefault(i, {})[lab] = pc[i]
    for i, want in pieces.items():
        d = vals[0] - 1 if i == 0 else vals[(i - 1) // 2] if i % 2 else \
            (vals[i // 2 - 1] + vals[i // 2]) / 2 if i // 2 < K else vals[-1] + 1
        yd = [v - d * t for v, t in zip(y, data.T)]
        cs = [sum(w * v for w, v in zip(Wa, yd)) for Wa in W]
        c0 = cs[obs_i]
        g = sum(c >= c0 for c in cs)
        l = sum(c <= c0 for c in cs)
        for alpha, lab in ALPHAS:
            if lab in want:
                inv = int(1 / alpha)
                assert (2 * g * inv > M and 2 * l * inv > M) == want[lab], (i, lab)
    return len(pieces)


def exclusion_text(R):
    parts = []
    if R.get("excl_design"):
        parts.append("%d with an arm < 2 or a rank-deficient design" % R["excl_design"])
    if R.get("lev1"):
        parts.append("%d with a leverage of exactly 1" % R["lev1"])
    return ", ".join(parts)


def float_ci_parts(c, g, c0):
    a = c - c0
    b = g - 1.0
    zero_b = np.abs(b) <= TOL
    t = TOL * abs(c0)
    G0 = int(np.count_nonzero(zero_b & (a >= -t)))
    L0 = int(np.count_nonzero(zero_b & (a <= t)))
    safe_b = np.where(zero_b, 1.0, b)
    r = a / safe_b
    return np.sort(r[~zero_b & (b > 0)]), np.sort(r[~zero_b & (b < 0)]), G0, L0


def pilot_job(data, name, notes):
    N, n1 = data.N, data.n1
    M = comb(N, n1)
    fo_c, fo_s, _ = float_fit(data, np.array([data.T], dtype=float))
    c0, s0 = fo_c[0], fo_s[0]
    cs = np.empty(M)
    ss = np.empty(M)
    gs = np.empty(M)
    pos = 0
    for A in index_chunks_complete(N, n1):
        c, s, g = float_fit(data, A)
        m = c.size
        cs[pos:pos + m], ss[pos:pos + m], gs[pos:pos + m] = c, s, g
        pos += m
    assert pos == M
    assert np.all(np.isfinite(ss))
    res = float_counts(cs, ss, gs, c0, s0)
    # exact recheck of near ties
    near = set()
    for v, o in ((cs, c0), (ss, s0)):
        near.update(np.nonzero(np.abs(v - o) <= RECHECK * abs(o))[0].tolist())
        near.update(np.nonzero(np.abs(np.abs(v) - abs(o)) <= RECHECK * abs(o))[0].tolist())
    near = sorted(near)
    ex_obs = exact_fit(data, data.T)
    nth = nth_combination_factory(N, n1)
    n_eq = {"coefficient": 0, "studentized": 0}
    for i in near:
        A = nth(i)
        f = exact_fit(data, A)
        for st, v, o, ev, eo in (("coefficient", cs[i], c0, f["c"], ex_obs["c"]), ("studentized", ss[i], s0, f["sq"], ex_obs["sq"])):
            t = TOL * abs(o)
            assert (v >= o - t) == (ev >= eo), (name, st, i)
            assert (v <= o + t) == (ev <= eo), (name, st, i)
            assert (abs(v) >= abs(o) - t) == (abs(ev) >= abs(eo)), (name, st, i)
            n_eq[st] += ev == eo
    for st in ("coefficient", "studentized"):
        assert n_eq[st] == res[st]["eq"], (name, st, n_eq[st], res[st]["eq"])
    notes.append("%s: %d assignments within %g (relative) of the observed coefficient or studentized value (or of its absolute value) recomputed exactly: every float decision confirmed; exactly equal to the observed: %d (coefficient), %d (studentized)"
                 % (name, len(near), RECHECK, n_eq["coefficient"], n_eq["studentized"]))
    cis = {}
    rp, rn, G0, L0 = float_ci_parts(cs, gs, c0)
    res["coefficient"]["n_g_above_1"] = int(rp.size)
    a = cs - c0
    b = gs - 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        r = a / b
    for alpha, lab in ALPHAS:
        L, U, I, vals = float_sweep(rp, rn, G0, L0, M, alpha, c0)
        lim = {}
        # exact value of the breakpoint at each finite limit: the assignments whose float breakpoint lies
        # within 1e-7 (relative) of it are refitted exactly; their distinct exact breakpoints must be more
        # than 1e-8 apart (relative), so the float sweep (errors ~1e-14, merging only within 1e-9) ordered and
        # separated them as exact arithmetic would; the exact value nearest to the float limit is written.
        for which, v in (("lower", L), ("upper", U)):
            if not math.isfinite(v):
                lim[which] = v
                continue
            cand = np.nonzero(np.abs(r - v) <= 1e-7 * max(abs(v), abs(c0)))[0]
            exact_r = set()
            for i in cand.tolist():
                f = exact_fit(data, nth(i))
                bb = f["g"] - 1
                if bb != 0:
                    exact_r.add((f["c"] - ex_obs["c"]) / bb)
            ex = sorted(exact_r)
            sep = min((float(q2 - q1) / max(abs(float(q1)), abs(float(q2)), abs(c0)) for q1, q2 in zip(ex, ex[1:])), default=math.inf)
            assert sep > 1e-8, (name, lab, which, sep)
            er = min(ex, key=lambda q: abs(float(q) - v))
            assert rel_diff(er, v) < 1e-12
            lim[which] = er
            notes.append("%s %s%% %s limit: exact %s (= the float sweep's %s to %.1g relative); %d assignment(s) with a float breakpoint within 1e-7 (relative) of it, %d distinct exact value(s)%s"
                         % (name, lab, which, fmt(er), fmt(v), rel_diff(er, v), cand.size, len(ex),
                            "" if len(ex) == 1 else ", the closest two %.2g (relative) apart" % sep))
        cis[lab] = (lim["lower"], lim["upper"], I)
    res["coefficient"]["obs"] = float(ex_obs["c"])
    res["studentized"]["obs"] = math.copysign(math.sqrt(float(abs(ex_obs["sq"]))), ex_obs["sq"])
    res["coefficient"]["cis"] = cis
    for st in ("coefficient", "studentized"):
        res[st]["excluded"] = 0
    return res


def nth_combination_factory(N, n1):
    """Assignment vector of the i-th combination in itertools.combinations(range(N), n1) order."""
    def nth(i):
        S = []
        r = n1
        start = 0
        while r:
            for j in range(start, N):
                c = comb(N - j - 1, r - 1)
                if i < c:
                    S.append(j)
                    start = j + 1
                    r -= 1
                    break
                i -= c
        a = [0] * N
        for j in S:
            a[j] = 1
        return tuple(a)
    return nth


if __name__ == "__main__":
    sys.exit(main())

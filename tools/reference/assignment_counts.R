# Reference sizes of the permutation reference sets that MscStats' exact permutation and rank tests report in
# ResamplingInfo.Assignments: choose(n1 + n2, n1) splits of a pooled two-arm sample, 2^n sign vectors of n paired
# differences (base R choose() and 2^n; choose() is exact below 2^53 and the nearest double beyond).
#
# Output: CSV in the long layout case,quantity,value,reference with '#' provenance lines; values printed with %.17g.
#
# Usage (from the repository root):
#   Rscript tools/reference/assignment_counts.R > tests/MscStats.Tests/Reference/assignment-counts.csv

fmt <- function(x) sprintf("%.17g", x)
rows <- character(0)
emit <- function(case, value, reference) {
  rows[length(rows) + 1] <<- paste(case, "assignments", fmt(value), paste0('"', reference, '"'), sep = ",")
}

emit("splits-12v13", choose(25, 12), "choose(25, 12)")
emit("splits-6v7", choose(13, 6), "choose(13, 6)")
emit("splits-40v40", choose(80, 40), "choose(80, 40)")
emit("signs-10", 2^10, "2^10")
emit("signs-9", 2^9, "2^9")
emit("signs-8", 2^8, "2^8")

cat("# Produced by tools/reference/assignment_counts.R with ", R.version.string, " (base R only).\n", sep = "")
cat("# splits-n1vn2: choose(n1 + n2, n1), the splits of a two-arm sample; signs-n: 2^n, the sign vectors of n paired differences.\n")
cat("case,quantity,value,reference\n")
cat(rows, sep = "\n")
cat("\n")
